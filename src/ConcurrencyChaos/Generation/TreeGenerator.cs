using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Generation;

/// <summary>
/// FsCheck generators of task trees, sized by FsCheck's size parameter and biased toward what finds
/// bugs: same-instant events (delays drawn from a small shared palette), caller cancellation at the
/// instant of a fault, misbehaving children, nested groups and synchronous throws. Which of those a
/// tree gets is decided per tree (<see cref="TreeFeatures"/>). Kept apart from shrinking, from
/// properties and from the search's precondition (trees a correct pattern can finish), which the caller
/// applies once to generator and shrinker together.
/// </summary>
public static class TreeGenerator
{
    private static readonly int[] Palette = [0, 5, 10, 20];
    private static readonly ErrorKind[] Errors = Enum.GetValues<ErrorKind>();

    /// <summary>
    /// Gives about half of the leaves of each tree one of <paramref name="operations"/> (<see cref="Leaf.Operation"/>),
    /// drawn uniformly; with none, the trees are exactly those of <paramref name="trees"/>.
    /// </summary>
    /// <param name="trees">The trees.</param>
    /// <param name="operations">Registered operation names; none when null.</param>
    /// <returns>The trees with operations placed.</returns>
    /// <exception cref="ArgumentException">An operation name is empty.</exception>
    public static Gen<TaskTree> WithOperations(Gen<TaskTree> trees, IEnumerable<string>? operations)
    {
        var names = operations?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() ?? [];
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Operation names must be non-empty.", nameof(operations));
        }

        return names.Length == 0 ? trees : trees.SelectMany(tree => WithOperations(tree, names));
    }

    /// <summary>Gives each leaf of <paramref name="tree"/>, in pre-order, one of <paramref name="names"/> or none (even odds).</summary>
    private static Gen<TaskTree> WithOperations(TaskTree tree, string[] names)
    {
        var choice = Gen.Frequency(
            (names.Length, Gen.Constant<string?>(null)),
            (names.Length, Gen.Elements(names).Select(n => (string?)n)));
        return Gen.ArrayOf(choice, Leaves(tree.Root).Count()).Select(picked =>
        {
            var next = 0;
            return tree with { Root = Place(tree.Root) };

            Group Place(Group group) => group with
            {
                Children = [.. group.Children.Select(child => child switch
                {
                    Leaf leaf => leaf with { Operation = picked[next++] },
                    Group g => (TreeNode)Place(g),
                    _ => child,
                })],
            };
        });
    }

    /// <summary>
    /// Trees of at most <paramref name="maxNodes"/> nodes (the bound grows with FsCheck's size) and groups nested at
    /// most <paramref name="maxDepth"/> deep. Some may hang under any pattern: the search filters them (see
    /// <c>ChaosTrees</c>), this generator does not.
    /// </summary>
    /// <param name="maxNodes">The most nodes a tree may have, groups included; at least 2.</param>
    /// <param name="maxDepth">How deep groups may nest; at least 1.</param>
    /// <returns>The generator.</returns>
    public static Gen<TaskTree> Trees(int maxNodes = 16, int maxDepth = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        return Gen.Sized(size =>
            from features in Features()
            let budget = Math.Clamp(2 + (size / 6), 2, maxNodes)
            from root in Group(features, budget - 1, maxDepth)
            from cancelAfter in CancelAfter(features, root)
            from seed in Gen.Choose(0, int.MaxValue)
            select new TaskTree(root, cancelAfter, seed));
    }

    private static Gen<TreeFeatures> Features() =>
        from flags in Gen.ArrayOf(Gen.Elements(true, false), 8)
        select new TreeFeatures(
            Faults: flags[0] || flags[1], // faults are the common case: on in three trees of four
            Hangs: flags[2],
            SyncThrows: flags[3] && flags[4],
            Misbehaviour: flags[4],
            Cleanup: flags[5],
            Nesting: flags[6],
            CallerCancels: flags[7],
            SharedDelays: flags[0] || flags[5]);

    /// <summary>A group whose subtree holds at most <paramref name="budget"/> nodes below it (at least one child).</summary>
    private static Gen<Group> Group(TreeFeatures features, int budget, int depth) =>
        from count in Gen.Choose(1, Math.Max(1, Math.Min(budget, 5)))
        from children in Children(features, count, budget, depth)
        select new Group(children);

    private static Gen<TreeNode[]> Children(TreeFeatures features, int count, int budget, int depth)
    {
        // Split the budget: each child gets one node, and the rest is shared among nested groups.
        var gens = new List<Gen<TreeNode>>();
        var spare = budget - count;
        for (var i = 0; i < count; i++)
        {
            var share = spare / (count - i);
            spare -= share;
            gens.Add(Child(features, 1 + share, depth));
        }

        return Gen.CollectToArray(gens);
    }

    private static Gen<TreeNode> Child(TreeFeatures features, int budget, int depth)
    {
        var leaf = Leaf(features).Select(l => (TreeNode)l);
        if (!features.Nesting || depth <= 1 || budget < 2)
        {
            return leaf;
        }

        return Gen.Frequency((3, leaf), (1, Group(features, budget - 1, depth - 1).Select(g => (TreeNode)g)));
    }

    private static Gen<Leaf> Leaf(TreeFeatures features)
    {
        var then = Gen.Frequency(
            (5, Gen.Constant(LeafEnd.Succeed)),
            (features.Faults ? 4 : 0, Gen.Constant(LeafEnd.Fail)),
            (features.Hangs ? 2 : 0, Gen.Constant(LeafEnd.Hang)),
            (features.SyncThrows ? 1 : 0, Gen.Constant(LeafEnd.ThrowSync)));
        var onCancel = Gen.Frequency(
            (6, Gen.Constant(CancelBehavior.Throw)),
            (features.Misbehaviour ? 2 : 0, Gen.Constant(CancelBehavior.Swallow)),
            (features.Misbehaviour ? 2 : 0, Gen.Constant(CancelBehavior.Fail)),
            (features.Misbehaviour ? 2 : 0, Gen.Constant(CancelBehavior.Ignore)));
        return
            from end in then
            from work in Delay(features)
            from error in Gen.Elements(Errors)
            from cancel in onCancel
            from cleanup in features.Cleanup ? Delay(features) : Gen.Constant(0)
            from cleanupError in Gen.Elements(Errors)
            select new Leaf
            {
                Work = end == LeafEnd.Hang ? 0 : work,
                Then = end,
                Error = error,
                // A hanging leaf that ignores its token could never end: it throws instead.
                OnCancel = end == LeafEnd.Hang && cancel == CancelBehavior.Ignore ? CancelBehavior.Throw : cancel,
                Cleanup = cleanup,
                CleanupError = cleanupError,
            };
    }

    private static Gen<int> Delay(TreeFeatures features) =>
        features.SharedDelays ? Gen.Elements(Palette) : Gen.Choose(0, 50);

    /// <summary>Caller cancellation, when the tree has it: at an instant some leaf finishes its work (a fault, often), or from the palette.</summary>
    private static Gen<int?> CancelAfter(TreeFeatures features, Group root)
    {
        if (!features.CallerCancels)
        {
            return Gen.Constant<int?>(null);
        }

        var instants = Leaves(root).Select(l => l.Work).Concat(Palette).Distinct().Order().ToArray();
        return Gen.Elements(instants).Select(i => (int?)i);
    }

    private static IEnumerable<Leaf> Leaves(Group group) =>
        group.Children.SelectMany(c => c switch
        {
            Leaf leaf => [leaf],
            Group g => Leaves(g),
            _ => [],
        });
}
