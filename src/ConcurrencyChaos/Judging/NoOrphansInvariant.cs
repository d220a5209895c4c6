using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// no-orphans: every node that started ended before the group that received it ended (for the root's
/// children: before the root's pattern task completed). A group that never ended makes no orphan claim.
/// </summary>
internal sealed class NoOrphansInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "no-orphans";

    /// <inheritdoc />
    public override string Summary => "Every node that started ended before the group that ran it ended.";

    /// <inheritdoc />
    public override IEnumerable<Violation> Check(JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var entry in input.Entries)
        {
            if (entry.ParentId is not { } parentId
                || input.Node(parentId).Ended is not { } groupEnded
                || input.Node(entry.Id).Started is not { } started)
            {
                continue;
            }

            var child = input.Node(entry.Id);
            var groupEndIndex = input.IndexOf(groupEnded);
            var groupEnd = $"its group {parentId} ended at {Words.Ms(groupEnded.Time)}";
            if (input.IndexOf(started) > groupEndIndex)
            {
                var then = child.Ended is { } late ? $"it ended at {Words.Ms(late.Time)}" : "it never ended";
                yield return Violated($"{entry.Id} started at {Words.Ms(started.Time)}, after {groupEnd} ({then})");
            }
            else if (child.Ended is not { } ended)
            {
                yield return Violated($"{entry.Id} never ended, though {groupEnd}");
            }
            else if (input.IndexOf(ended) > groupEndIndex)
            {
                yield return Violated($"{entry.Id} was still running when {groupEnd} (it ended at {Words.Ms(ended.Time)})");
            }
        }
    }
}
