using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Shrinking;

/// <summary>
/// The single shrink steps of a task tree, most reducing first: drop the caller's cancellation,
/// remove a subtree, hoist a child over its group, simplify a leaf (fail→succeed, hang→succeed,
/// misbehaviour→throw, error kind→default), lower and equalise delays, move the cancellation,
/// simplify the seed. Every step makes the tree strictly simpler, so shrinking always ends.
/// Kept apart from generation and from properties (FsCheck style).
/// </summary>
public static class TreeShrinker
{
    /// <summary>Every tree one step simpler than <paramref name="tree"/> that ideal structured semantics can still finish.</summary>
    public static IEnumerable<TaskTree> Shrink(TaskTree tree) =>
        Candidates(tree).Where(t => Invariants.ReferenceModel.Run(t).Terminates);

    /// <summary>Every tree one step simpler than <paramref name="tree"/>, in the order they are tried.</summary>
    internal static IEnumerable<TaskTree> Candidates(TaskTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.CancelAfter is not null)
        {
            yield return tree with { CancelAfter = null };
        }

        var paths = Paths(tree.Root, []).ToList();

        // Structure first: the fewer nodes, the easier to read.
        foreach (var path in paths.Where(p => p.Length > 0))
        {
            var parent = (Group)At(tree.Root, path[..^1]);
            if (parent.Children.Count > 1)
            {
                yield return tree with { Root = Splice(tree.Root, path, []) };
            }
        }

        foreach (var path in paths.Where(p => p.Length > 0 && At(tree.Root, p) is Group))
        {
            var group = (Group)At(tree.Root, path);
            foreach (var child in group.Children)
            {
                yield return tree with { Root = Splice(tree.Root, path, [child]) };
            }

            if (group.Children.Count > 1)
            {
                yield return tree with { Root = Splice(tree.Root, path, group.Children) };
            }
        }

        // Then each node on its own.
        var works = paths.Select(p => At(tree.Root, p)).OfType<Leaf>().Select(l => l.Work).Distinct().Order().ToArray();
        foreach (var path in paths)
        {
            var node = At(tree.Root, path);
            IEnumerable<TreeNode> simpler = node switch
            {
                Leaf leaf => Simplify(leaf, works),
                Group { Pattern: not null } group => [group with { Pattern = null }],
                _ => [],
            };
            foreach (var replacement in simpler)
            {
                yield return tree with { Root = Splice(tree.Root, path, [replacement]) };
            }
        }

        if (tree.CancelAfter is { } cancelAfter)
        {
            foreach (var earlier in Lower(cancelAfter, works))
            {
                yield return tree with { CancelAfter = earlier };
            }
        }

        foreach (var seed in new[] { 0, 1, 2 }.Where(s => s < tree.Seed))
        {
            yield return tree with { Seed = seed };
        }
    }

    private static IEnumerable<Leaf> Simplify(Leaf leaf, int[] works)
    {
        switch (leaf.Then)
        {
            case LeafEnd.ThrowSync:
                yield return leaf with { Then = LeafEnd.Fail };
                break;
            case LeafEnd.Fail:
            case LeafEnd.Hang:
                yield return leaf with { Then = LeafEnd.Succeed };
                break;
        }

        if (leaf.OnCancel != CancelBehavior.Throw)
        {
            yield return leaf with { OnCancel = CancelBehavior.Throw };
        }

        if (leaf.Error != ErrorKind.InvalidOperationException)
        {
            yield return leaf with { Error = ErrorKind.InvalidOperationException };
        }

        if (leaf.CleanupError != ErrorKind.InvalidOperationException)
        {
            yield return leaf with { CleanupError = ErrorKind.InvalidOperationException };
        }

        foreach (var cleanup in Lower(leaf.Cleanup, []))
        {
            yield return leaf with { Cleanup = cleanup };
        }

        foreach (var work in Lower(leaf.Work, works))
        {
            yield return leaf with { Work = work };
        }
    }

    /// <summary>Smaller values: zero, half, the other values in the tree below it (to equalise), one less.</summary>
    private static IEnumerable<int> Lower(int value, int[] others) =>
        new[] { 0, value / 2 }.Concat(others).Append(value - 1).Where(v => v >= 0 && v < value).Distinct();

    private static IEnumerable<int[]> Paths(TreeNode node, int[] path)
    {
        yield return path;
        if (node is Group group)
        {
            for (var i = 0; i < group.Children.Count; i++)
            {
                foreach (var inner in Paths(group.Children[i], [.. path, i]))
                {
                    yield return inner;
                }
            }
        }
    }

    private static TreeNode At(TreeNode node, ReadOnlySpan<int> path) =>
        path.IsEmpty ? node : At(((Group)node).Children[path[0]], path[1..]);

    /// <summary>The root with the node at <paramref name="path"/> replaced by <paramref name="replacement"/> (none, one, or several nodes).</summary>
    private static Group Splice(Group root, ReadOnlySpan<int> path, IReadOnlyList<TreeNode> replacement)
    {
        if (path.IsEmpty)
        {
            return replacement is [Group group] ? group : root;
        }

        var children = root.Children.ToList();
        if (path.Length == 1)
        {
            children.RemoveAt(path[0]);
            children.InsertRange(path[0], replacement);
        }
        else
        {
            children[path[0]] = Splice((Group)children[path[0]], path[1..], replacement);
        }

        return root with { Children = children };
    }
}
