using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// cancellation-propagated: when the caller cancels at c, every node running then sees its token
/// cancelled at c (earlier is fine), every node started afterwards starts with a cancelled token, and
/// the root does not end RanToCompletion afterwards — unless every other node of the tree had already
/// ended before the cancellation.
/// </summary>
/// <remarks>
/// The exception is for a cancellation that comes too late to matter: all the work is done, and only the
/// pattern's own continuation (an <c>await</c> resuming one step later, in the same instant) is left. The
/// result it returns is then complete and true, and .NET has no implicit cancellation at an <c>await</c>
/// that would turn it into a cancellation, so <c>var r = await TaskGroup.RunAsync(...); return Pick(r);</c>
/// is not blamed. A root that reports success after skipping, cancelling or losing any work still is.
/// </remarks>
internal sealed class CancellationPropagatedInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "cancellation-propagated";

    /// <inheritdoc />
    public override string Summary =>
        "When the caller cancels, every running node sees its token cancelled in that instant, and the root does not end successfully afterwards unless all of its work had already ended.";

    /// <inheritdoc />
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CallerCancelled is not { } cancelled)
        {
            return;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var node = input.NodeAt(i);
            if (Lapse(input, i, node, cancelled) is { } lapse)
            {
                var finding = new CancellationFinding(input.IdAt(i), cancelled, lapse, node.Started, node.TokenCancelled, node.Ended);
                Add(input, ref found, Violated(finding, static f => Say((CancellationFinding)f)));
            }
        }
    }

    /// <summary>How the caller's cancellation failed to reach this node; null when it did.</summary>
    private static CancellationLapse? Lapse(JudgeInput input, int position, NodeLife node, TraceEvent cancelled)
    {
        if (position == 0) // the root
        {
            // Trace order, even in real time: a root that ends after work that saw the cancellation ends after it.
            return node.Ended is { Outcome: NodeOutcome.RanToCompletion } ended && input.LaterInTrace(ended, cancelled) && !AllEndedBefore(input, cancelled)
                ? CancellationLapse.RootSucceeded
                : null;
        }

        if (node.Started is not { } started)
        {
            return null;
        }

        if (input.After(started, cancelled))
        {
            return node.TokenCancelled is not { } seen || input.LaterInTime(seen, started) ? CancellationLapse.StartedWithLiveToken : null;
        }

        if (!input.RunningAt(node, cancelled))
        {
            return null;
        }

        return node.TokenCancelled is not { } token ? CancellationLapse.NeverCancelled
            : input.LaterInTime(token, cancelled) ? CancellationLapse.CancelledLate
            : null;
    }

    private static string Say(CancellationFinding finding)
    {
        var callerCancelled = $"the caller cancelled at {Words.Ms(finding.CallerCancelled.Time)}";
        return finding.Lapse switch
        {
            CancellationLapse.RootSucceeded => $"{callerCancelled} but the root still ended successfully at {Words.Ms(finding.Ended!.Time)}",
            CancellationLapse.StartedWithLiveToken =>
                $"{finding.NodeId} started at {Words.Ms(finding.Started!.Time)}, after {callerCancelled}, with a token that was not cancelled",
            CancellationLapse.NeverCancelled => $"{callerCancelled} but {finding.NodeId}, running then, never saw its token cancelled",
            _ => $"{callerCancelled} but {finding.NodeId}, running then, saw its token cancelled only at {Words.Ms(finding.TokenCancelled!.Time)}",
        };
    }

    /// <summary>
    /// Whether every node but the root had ended before <paramref name="cancelled"/>: earlier in the trace or, in real
    /// time, in a tie with it without having seen it (its token still live when it ended, and not ended canceled).
    /// </summary>
    private static bool AllEndedBefore(JudgeInput input, TraceEvent cancelled)
    {
        for (var i = 1; i < input.Count; i++)
        {
            if (input.NodeAt(i) is not { Ended: { } ended } node
                || (!input.LaterInTrace(cancelled, ended) && (input.After(ended, cancelled) || SawCancellation(input, node, ended))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SawCancellation(JudgeInput input, NodeLife node, TraceEvent ended) =>
        ended.Outcome == NodeOutcome.Canceled || (node.TokenCancelled is { } token && input.LaterInTrace(ended, token));
}
