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
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var i = 1; i < input.Count; i++)
        {
            var parent = input.ParentAt(i);
            if (input.NodeAt(parent).Ended is not { } groupEnded
                || input.NodeAt(i) is not { Started: { } started } child)
            {
                continue;
            }

            OrphanKind? kind = input.After(started, groupEnded) ? OrphanKind.StartedAfterGroupEnded
                : child.Ended is not { } ended ? OrphanKind.NeverEnded
                : input.After(ended, groupEnded) ? OrphanKind.EndedAfterGroup
                : null;
            if (kind is { } how)
            {
                var orphan = new OrphanFinding(input.IdAt(i), input.IdAt(parent), groupEnded, started, child.Ended, how);
                Add(input, ref found, Violated(orphan, static f => Say((OrphanFinding)f)));
            }
        }
    }

    private static string Say(OrphanFinding orphan)
    {
        var groupEnd = $"its group {orphan.GroupId} ended at {Words.Ms(orphan.GroupEnded.Time)}";
        return orphan.Kind switch
        {
            OrphanKind.StartedAfterGroupEnded =>
                $"{orphan.NodeId} started at {Words.Ms(orphan.Started.Time)}, after {groupEnd} ({(orphan.Ended is { } late ? $"it ended at {Words.Ms(late.Time)}" : "it never ended")})",
            OrphanKind.NeverEnded => $"{orphan.NodeId} never ended, though {groupEnd}",
            _ => $"{orphan.NodeId} was still running when {groupEnd} (it ended at {Words.Ms(orphan.Ended!.Time)})",
        };
    }
}
