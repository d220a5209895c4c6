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
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!AnyFault(input.Trace.Events))
        {
            return; // no node faulted: no sibling had a fault to react to
        }

        var faultsByGroup = SiblingFaults.ByGroup(input);
        for (var i = 1; i < input.Count; i++)
        {
            // A group none of whose children faulted has no fault to catch a sibling with.
            if (faultsByGroup[input.ParentAt(i)] is not { } faults || input.NodeAt(i) is not { Started: { } started } sibling)
            {
                continue;
            }

            if (Catch(input, i, sibling, started, faults) is { } finding)
            {
                Add(input, ref found, Violated(finding, static f => Say((FailFastFinding)f)));
            }
        }
    }

    /// <summary>
    /// The earliest fault of a sibling that catches this node: one before it started, or one while it ran
    /// with its token not cancelled by the fault's time. Null when none does.
    /// </summary>
    /// <remarks>
    /// Going through the faults in trace order, only the first can find the node not started yet. Once it
    /// has started, the faults it is running at are those before it ended (its own fault is its end, so
    /// never one of them); with no token cancelled the first of those catches it, and with one the first
    /// at a time before the token was cancelled does, if the node was still running then.
    /// </remarks>
    private static bool AnyFault(IReadOnlyList<TraceEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is { Kind: TraceEventKind.Ended, Outcome: NodeOutcome.Faulted })
            {
                return true;
            }
        }

        return false;
    }

    private static FailFastFinding? Catch(JudgeInput input, int position, NodeLife sibling, TraceEvent started, SiblingFaults faults)
    {
        if (faults.FirstOtherThan(sibling) is not { } first)
        {
            return null;
        }

        if (input.After(started, first))
        {
            return Finding(FailFastLapse.StartedAfterFault, first);
        }

        if (sibling.TokenCancelled is not { } seen)
        {
            return input.RunningAt(sibling, first) ? Finding(FailFastLapse.NeverCancelled, first) : null;
        }

        return CaughtBy(input, faults, seen) is { } late && !IsOwnEnd(late, sibling) && input.RunningAt(sibling, late)
            ? Finding(FailFastLapse.CancelledLate, late)
            : null;

        FailFastFinding Finding(FailFastLapse lapse, TraceEvent fault) =>
            new(input.IdAt(position), fault, lapse, started, sibling.TokenCancelled, sibling.Ended);
    }

    /// <summary>Whether <paramref name="fault"/> is the node's own faulted end (the very event its life ends with), not a sibling's.</summary>
    private static bool IsOwnEnd(TraceEvent fault, NodeLife node) => ReferenceEquals(fault, node.Ended);

    /// <summary>
    /// The earliest fault, in trace order, at a time before the token was seen cancelled: an earlier virtual instant, or
    /// in real time recorded more than the tie tolerance earlier. Real-time events are recorded in the order of their
    /// real times, so the earliest fault at a trace time up to the cancellation's is the only one that can be.
    /// </summary>
    private static TraceEvent? CaughtBy(JudgeInput input, SiblingFaults faults, TraceEvent seen) => input.Trace.Ties is null
        ? faults.FirstBefore(seen.Time)
        : faults.FirstBefore(seen.Time + 1) is { } fault && input.LaterInTime(seen, fault) ? fault : null;

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
