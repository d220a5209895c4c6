using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// A consumer's own invariant, as one file: a root that succeeds had every one of its children succeed. A fire-and-forget
/// pattern, which returns before its children end, breaks it whenever one of them fails.
/// </summary>
public sealed class EveryChildCompletedInvariant : ChaosInvariant
{
    /// <inheritdoc />
    public override string Id => "every-child-completed";

    /// <inheritdoc />
    public override string Summary => "A root that ends successfully had every child end successfully.";

    /// <inheritdoc />
    public override IEnumerable<string> Check(RunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Root.Outcome != NodeOutcome.RanToCompletion)
        {
            yield break;
        }

        foreach (var child in run.Nodes.Where(n => n.ParentId == TaskTree.RootId))
        {
            if (run.OutcomeOf(child.Id) is { } outcome && outcome != NodeOutcome.RanToCompletion)
            {
                yield return $"the root succeeded though {child.Id} ended {outcome}";
            }
        }
    }
}
