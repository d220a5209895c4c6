using ConcurrencyChaos.Model;

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
                FailFastLapse? lapse = input.IndexOf(started) > f ? FailFastLapse.StartedAfterFault
                    : !input.RunningAt(sibling, f) ? null
                    : sibling.TokenCancelled is not { } seen ? FailFastLapse.NeverCancelled
                    : seen.Time > fault.Time ? FailFastLapse.CancelledLate
                    : null;
                if (lapse is { } how)
                {
                    var finding = new FailFastFinding(entry.Id, fault, how, started, sibling.TokenCancelled, sibling.Ended);
                    yield return Violated(finding, Say(finding));
                    break;
                }
            }
        }
    }

    private static string Say(FailFastFinding finding)
    {
        var fault = finding.Fault;
        var failed = $"{fault.NodeId} failed at {Words.Ms(fault.Time)}";
        return finding.Lapse switch
        {
            FailFastLapse.StartedAfterFault =>
                $"{finding.NodeId} started at {Words.Ms(finding.Started.Time)} after its sibling {fault.NodeId} had failed at {Words.Ms(fault.Time)}",

            // A sibling that ended in the fault's very instant was still running then, not "kept running".
            FailFastLapse.NeverCancelled when finding.Ended is { } end && end.Time == fault.Time =>
                $"{failed} but its sibling {finding.NodeId}, still running in that instant, never saw its token cancelled (it ended at {Words.Ms(end.Time)})",
            FailFastLapse.NeverCancelled => $"{failed} but its sibling {finding.NodeId} kept running with its token not cancelled",
            _ => $"{failed} but its sibling {finding.NodeId} saw its token cancelled only at {Words.Ms(finding.TokenCancelled!.Time)}",
        };
    }
}
