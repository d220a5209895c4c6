using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Shrinking;

/// <summary>
/// The single shrink steps of a task tree, most reducing first: drop the caller's cancellation,
/// remove half of a wide group's children, remove a subtree, hoist a child over its group, trade a faulting leaf
/// for the caller's cancellation (siblings untouched; then, failing that, with a sibling that fails on it),
/// simplify a leaf (fail→succeed, hang→succeed, misbehaviour→throw, error kind→default, outer token→its own or
/// a nearer one), lower and equalise delays (halving the distance to the next smaller value that still fails, so
/// minutes shrink in a few dozen runs), move the cancellation, simplify the seed. Kept apart from generation and
/// from properties (FsCheck style).
/// </summary>
/// <remarks>
/// Every step makes the tree strictly smaller in this measure, compared lexicographically, so shrinking
/// always ends (each component is a natural number, and a lexicographic order of naturals is well-founded):
/// <list type="number">
/// <item>the node count, groups included;</item>
/// <item>the total virtual time: every leaf's work and cleanup, plus the caller's cancel time;</item>
/// <item>how exotic the tree is: per leaf, its end off Succeed (ThrowSync counting 2), its cancel behaviour off
/// Throw, each error kind off the default, an operation, and how many groups out its outer token is (0 for its
/// own); per group, a named pattern; and 1 for having a caller cancellation;</item>
/// <item>the scheduler seed.</item>
/// </list>
/// Removing or hoisting nodes (half a group's children, or one subtree) lowers (1). Trading a faulting leaf for a
/// cancellation lowers (1) too, even though it may add a cancellation, or (in its second form) lengthen the
/// remaining sibling's work or make it fail during cleanup. Simplifying a leaf or a group lowers (3) (an outer token
/// moves only inwards, to a smaller level), lowering a delay (2), and a smaller seed (4), each leaving the components
/// before it unchanged.
/// </remarks>
public static class TreeShrinker
{
    /// <summary>
    /// Every tree one step simpler than <paramref name="tree"/>, in the order they are tried. Some may hang under
    /// any pattern: the search filters them with its precondition, this shrinker does not.
    /// </summary>
    /// <param name="tree">The tree to shrink.</param>
    /// <returns>The candidates, most reducing first.</returns>
    public static IEnumerable<TaskTree> Shrink(TaskTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.CancelAfter is not null)
        {
            yield return tree with { CancelAfter = null };
        }

        var paths = Paths(tree.Root, []).ToList();

        // Structure first: the fewer nodes, the easier to read. A wide group loses half of its children at once.
        foreach (var path in paths.Where(p => At(tree.Root, p) is Group { Children.Count: >= 4 }))
        {
            var group = (Group)At(tree.Root, path);
            var half = group.Children.Count / 2;
            foreach (var kept in new[] { group.Children.Skip(half), group.Children.Take(group.Children.Count - half) })
            {
                yield return tree with { Root = Splice(tree.Root, path, [group with { Children = [.. kept] }]) };
            }
        }

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

        // Trade structure for a cancellation: a faulting leaf goes (with the groups above it that hold nothing else), and
        // the caller cancels at its fault instant instead (or earlier, if it already did). Its siblings are left as they
        // are: what a fault sets off (a retry, a cancellation of the rest) often shows as well when the caller cancels.
        var faulting = paths
            .Where(p => At(tree.Root, p) is Leaf { Then: LeafEnd.Fail or LeafEnd.ThrowSync })
            .Select(p => (Fault: (Leaf)At(tree.Root, p), Removed: Removable(tree.Root, p)))
            .Where(f => f.Removed is not null)
            .ToList();
        foreach (var (fault, removed) in faulting)
        {
            // A caller that already cancels by then makes this the plain removal above: not offered twice.
            var cancelAt = CancelInstead(tree, fault);
            if (cancelAt != tree.CancelAfter)
            {
                yield return tree with { Root = Splice(tree.Root, removed!, []), CancelAfter = cancelAt };
            }
        }

        // Failing that, a sibling still running then throws the fault's error during cleanup: the fault reaches the
        // caller as an error raised by cancellation, which is what some patterns lose.
        foreach (var (fault, path) in faulting)
        {
            var parent = (Group)At(tree.Root, path![..^1]);
            var cancelAt = CancelInstead(tree, fault);
            var without = Splice(tree.Root, path, []);
            var groupPath = path[..^1];
            for (var i = 0; i < parent.Children.Count - 1; i++)
            {
                if (((Group)At(without, groupPath)).Children[i] is not Leaf { Then: not LeafEnd.ThrowSync } sibling)
                {
                    continue;
                }

                var cleaningUp = sibling with
                {
                    OnCancel = CancelBehavior.Fail,
                    CleanupError = fault.Error,
                    Work = sibling.Then == LeafEnd.Hang ? sibling.Work : Math.Max(sibling.Work, cancelAt + 1),
                };
                yield return tree with { Root = Splice(without, [.. groupPath, i], [cleaningUp]), CancelAfter = cancelAt };
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

    /// <summary>
    /// What goes with the leaf at <paramref name="path"/> when it is traded away: the leaf and the chain of groups above
    /// it that hold nothing else, up to a group with other children; null when there is none (the root's only descendant).
    /// </summary>
    private static int[]? Removable(Group root, int[] path)
    {
        var top = path.Length;
        while (top > 1 && ((Group)At(root, path[..(top - 1)])).Children.Count == 1)
        {
            top--;
        }

        return top > 0 && ((Group)At(root, path[..(top - 1)])).Children.Count >= 2 ? path[..top] : null;
    }

    /// <summary>When the caller cancels instead of <paramref name="fault"/>: at its fault instant, or earlier if it already did; never at 0 ms, which would start nothing.</summary>
    private static int CancelInstead(TaskTree tree, Leaf fault)
    {
        var faultAt = fault.Then == LeafEnd.ThrowSync ? 0 : fault.Work;
        return Math.Max(1, Math.Min(faultAt, tree.CancelAfter ?? int.MaxValue));
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

        // A simulated leaf is simpler than a consumer's operation: when the bug survives without the
        // operation, the pattern (not the operation) is to blame.
        if (leaf.Operation is not null)
        {
            yield return leaf with { Operation = null };
        }

        if (leaf.Error != ErrorKind.InvalidOperationException)
        {
            yield return leaf with { Error = ErrorKind.InvalidOperationException };
        }

        if (leaf.CleanupError != ErrorKind.InvalidOperationException)
        {
            yield return leaf with { CleanupError = ErrorKind.InvalidOperationException };
        }

        // Its own token, else an outer one nearer in: levels past its depth all name the caller's token.
        for (var level = 0; level < leaf.OuterToken; level++)
        {
            yield return leaf with { OuterToken = level };
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

    /// <summary>
    /// Smaller values: zero, half, the other values in the tree below it (to equalise), then ever closer below it
    /// (a quarter less, an eighth less, ..., one less), so that a greedy shrink walks down to a threshold in about
    /// log² steps instead of one ms at a time.
    /// </summary>
    private static IEnumerable<int> Lower(int value, int[] others)
    {
        var candidates = new List<int> { 0, value / 2 };
        candidates.AddRange(others);
        for (var cut = value / 4; cut > 1; cut /= 2)
        {
            candidates.Add(value - cut);
        }

        candidates.Add(value - 1);
        return candidates.Where(v => v >= 0 && v < value).Distinct();
    }

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
