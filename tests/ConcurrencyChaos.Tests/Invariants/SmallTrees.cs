using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// Small random trees for properties of the judge and the reference model: up to three levels, few
/// children, and delays drawn from a handful of values so that same-instant events (ties) are common.
/// </summary>
public static class SmallTrees
{
    private static readonly int[] Delays = [0, 5, 10, 20];

    public static Arbitrary<TaskTree> TaskTree() => Arb.From(Tree, Shrink);

    private static Gen<TaskTree> Tree =>
        from root in GroupOf(depth: 2)
        from cancel in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Elements(0, 5, 10, 20, 30).Select(c => (int?)c)))
        select new TaskTree(root, cancel);

    private static Gen<Group> GroupOf(int depth) =>
        from count in Gen.Choose(0, 3)
        from children in Node(depth).ArrayOf(count)
        select new Group(children);

    private static Gen<TreeNode> Node(int depth) => depth == 0
        ? LeafGen.Select(l => (TreeNode)l)
        : Gen.Frequency((3, LeafGen.Select(l => (TreeNode)l)), (1, GroupOf(depth - 1).Select(g => (TreeNode)g)));

    private static Gen<Leaf> LeafGen =>
        from work in Gen.Elements(Delays)
        from then in Gen.Frequency(
            (4, Gen.Constant(LeafEnd.Succeed)), (3, Gen.Constant(LeafEnd.Fail)), (2, Gen.Constant(LeafEnd.Hang)), (1, Gen.Constant(LeafEnd.ThrowSync)))
        from error in Gen.Elements(Enum.GetValues<ErrorKind>())
        from onCancel in Gen.Elements(Enum.GetValues<CancelBehavior>())
        from cleanup in Gen.Elements(0, 0, 5)
        from cleanupError in Gen.Elements(Enum.GetValues<ErrorKind>())
        select new Leaf
        {
            Work = work,
            Then = then,
            Error = error,
            OnCancel = then == LeafEnd.Hang && onCancel == CancelBehavior.Ignore ? CancelBehavior.Throw : onCancel,
            Cleanup = cleanup,
            CleanupError = cleanupError,
        };

    /// <summary>Drop the caller's cancel, remove a child, or replace a group by one of its children.</summary>
    private static IEnumerable<TaskTree> Shrink(TaskTree tree)
    {
        if (tree.CancelAfter is not null)
        {
            yield return tree with { CancelAfter = null };
        }

        foreach (var root in ShrinkGroup(tree.Root))
        {
            yield return tree with { Root = root };
        }
    }

    private static IEnumerable<Group> ShrinkGroup(Group group)
    {
        for (var i = 0; i < group.Children.Count; i++)
        {
            yield return group with { Children = [.. group.Children.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < group.Children.Count; i++)
        {
            if (group.Children[i] is not Group inner)
            {
                continue;
            }

            foreach (var child in inner.Children)
            {
                yield return group with { Children = [.. group.Children.Select((c, j) => j == i ? child : c)] };
            }

            foreach (var smaller in ShrinkGroup(inner))
            {
                yield return group with { Children = [.. group.Children.Select((c, j) => j == i ? smaller : c)] };
            }
        }
    }
}
