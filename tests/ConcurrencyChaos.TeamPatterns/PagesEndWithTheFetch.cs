using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.TeamPatterns;

/// <summary>
/// The team's own rule, as one class beside its patterns: once a fetch has ended, none of its pages is still running,
/// because whoever awaited the fetch goes on to dispose what the pages use. <c>chaos --assembly</c> finds it, and
/// <c>--invariant pages-end-with-the-fetch</c> searches for it alone.
/// </summary>
public sealed class PagesEndWithTheFetch : ChaosInvariant
{
    /// <inheritdoc />
    public override string Id => "pages-end-with-the-fetch";

    /// <inheritdoc />
    public override string Summary => "No page is still running once the fetch has ended.";

    /// <inheritdoc />
    public override IEnumerable<string> Check(RunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Node(TaskTree.RootId).Ended is not { } fetchEnded)
        {
            yield break;
        }

        foreach (var page in run.Nodes.Where(n => n.ParentId == TaskTree.RootId))
        {
            var timeline = run.Node(page.Id);
            if (timeline.Started is not null && (timeline.Ended is not { } pageEnded || pageEnded.Step > fetchEnded.Step))
            {
                yield return $"page {page.Id} was still running when the fetch ended at {fetchEnded.Time} ms";
            }
        }
    }
}
