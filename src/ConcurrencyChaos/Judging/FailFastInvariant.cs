using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// fail-fast: when a child faults at t, every sibling still running has its token cancelled by t, and no
/// sibling starts afterwards. Each offending sibling is reported once, for the earliest fault that catches it.
/// </summary>
internal sealed class FailFastInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "fail-fast";

    /// <inheritdoc />
    public override string Summary =>
        "When a child faults, its running siblings see their tokens cancelled in that instant and no new sibling starts.";

    /// <inheritdoc />
    public override IEnumerable<Violation> Check(JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var entry in input.Entries)
        {
            var sibling = input.Node(entry.Id);
            if (sibling.Started is not { } started)
            {
                continue;
            }

            // The faults among its siblings, earliest first.
            var faults = input.SiblingsOf(entry.Id)
                .Select(id => input.Node(id).Ended)
                .OfType<TraceEvent>()
                .Where(e => e.Outcome == NodeOutcome.Faulted)
                .OrderBy(input.IndexOf);
            foreach (var fault in faults)
            {
                var f = input.IndexOf(fault);
                var failed = $"{fault.NodeId} failed at {Words.Ms(fault.Time)}";
                if (input.IndexOf(started) > f)
                {
                    yield return Violated(
                        $"{entry.Id} started at {Words.Ms(started.Time)} after its sibling {fault.NodeId} had failed at {Words.Ms(fault.Time)}");
                    break;
                }

                if (!input.RunningAt(sibling, f))
                {
                    continue;
                }

                if (sibling.TokenCancelled is not { } seen)
                {
                    // A sibling that ended in the fault's very instant was still running then, not "kept running".
                    yield return Violated(sibling.Ended is { } end && end.Time == fault.Time
                        ? $"{failed} but its sibling {entry.Id}, still running in that instant, never saw its token cancelled (it ended at {Words.Ms(end.Time)})"
                        : $"{failed} but its sibling {entry.Id} kept running with its token not cancelled");
                    break;
                }

                if (seen.Time > fault.Time)
                {
                    yield return Violated($"{failed} but its sibling {entry.Id} saw its token cancelled only at {Words.Ms(seen.Time)}");
                    break;
                }
            }
        }
    }
}
