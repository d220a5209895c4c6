using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

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
    public override IEnumerable<Violation> Check(JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Trace.CallerCancelled is not { } cancelled)
        {
            yield break;
        }

        var k = input.IndexOf(cancelled);
        var c = cancelled.Time;
        var callerCancelled = $"the caller cancelled at {Words.Ms(c)}";
        foreach (var entry in input.Entries)
        {
            var node = input.Node(entry.Id);
            if (entry.Id == TaskTree.RootId)
            {
                if (node.Ended is { Outcome: NodeOutcome.RanToCompletion } ended && input.IndexOf(ended) > k && !AllEndedBefore(input, k))
                {
                    yield return Violated($"{callerCancelled} but the root still ended successfully at {Words.Ms(ended.Time)}");
                }

                continue;
            }

            if (node.Started is not { } started)
            {
                continue;
            }

            if (input.IndexOf(started) > k)
            {
                if (node.TokenCancelled is not { } seen || seen.Time > started.Time)
                {
                    yield return Violated(
                        $"{entry.Id} started at {Words.Ms(started.Time)}, after {callerCancelled}, with a token that was not cancelled");
                }
            }
            else if (input.RunningAt(node, k))
            {
                if (node.TokenCancelled is not { } seen)
                {
                    yield return Violated($"{callerCancelled} but {entry.Id}, running then, never saw its token cancelled");
                }
                else if (seen.Time > c)
                {
                    yield return Violated($"{callerCancelled} but {entry.Id}, running then, saw its token cancelled only at {Words.Ms(seen.Time)}");
                }
            }
        }
    }

    /// <summary>Whether every node but the root had ended before the event at <paramref name="index"/>.</summary>
    private static bool AllEndedBefore(JudgeInput input, int index) =>
        input.Entries.All(e => e.Id == TaskTree.RootId || (input.Node(e.Id).Ended is { } ended && input.IndexOf(ended) < index));
}
