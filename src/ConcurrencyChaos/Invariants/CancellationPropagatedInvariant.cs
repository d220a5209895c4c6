using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Invariants;

/// <summary>
/// cancellation-propagated: when the caller cancels at c, every node running then sees its token
/// cancelled at c (earlier is fine), every node started afterwards starts with a cancelled token, and
/// the root does not end RanToCompletion afterwards.
/// </summary>
internal sealed class CancellationPropagatedInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "cancellation-propagated";

    /// <inheritdoc />
    public override string Summary =>
        "When the caller cancels, every running node sees its token cancelled in that instant and the root does not end successfully afterwards.";

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
                if (node.Ended is { Outcome: NodeOutcome.RanToCompletion } ended && input.IndexOf(ended) > k)
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
}
