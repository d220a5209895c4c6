using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Generation;

/// <summary>
/// FsCheck generators of task trees, sized by FsCheck's size parameter and biased toward what finds
/// bugs: same-instant events (delays drawn from a small palette of the tree's own), caller cancellation at the
/// instant of a fault, misbehaving children, nested and wide groups, synchronous throws, errors that look like
/// cancellations and children that wait on an outer token. Which of those a tree gets is decided per tree
/// (<see cref="TreeFeatures"/>); the distribution is <see cref="TreeSampler"/>'s. Each generator is one
/// <c>Gen.Choose</c> of a seed, from which the tree is drawn by hand: FsCheck only seeds and sizes it. Kept apart
/// from shrinking, from properties and from the search's precondition (trees a correct pattern can finish), which
/// the caller applies once to generator and shrinker together.
/// </summary>
public static class TreeGenerator
{
    /// <summary>The default longest delay, in virtual ms: five minutes.</summary>
    public const int DefaultMaxDelay = TreeShape.DefaultMaxDelay;

    /// <summary>The default most children of a group.</summary>
    public const int DefaultMaxChildren = 12;

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
        var names = OperationNames(operations);
        return names.Length == 0 ? trees : trees.SelectMany(tree => Gen.Choose(0, int.MaxValue).Select(seed => WithOperations(tree, names, seed)));
    }

    /// <summary>
    /// Trees of at most <paramref name="maxNodes"/> nodes (the bound grows with FsCheck's size, reached at size 100),
    /// groups nested at most <paramref name="maxDepth"/> deep with at most <paramref name="maxChildren"/> children,
    /// and delays of at most <paramref name="maxDelay"/> virtual ms. Some may hang under any pattern: the search
    /// filters them (see <c>ChaosTrees</c>), this generator does not.
    /// </summary>
    /// <param name="maxNodes">The most nodes a tree may have, groups included; at least 2.</param>
    /// <param name="maxDepth">How deep groups may nest; at least 1.</param>
    /// <param name="maxChildren">The most children a group may have; at least 1.</param>
    /// <param name="maxDelay">The longest work, cleanup or caller cancel time, in virtual ms; at least 0.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public static Gen<TaskTree> Trees(int maxNodes = 16, int maxDepth = 3, int maxChildren = DefaultMaxChildren, int maxDelay = DefaultMaxDelay)
    {
        var shape = new TreeShape(maxNodes, maxDepth, maxChildren, maxDelay).Validated();
        return Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Tree(seed, size, shape)));
    }

    /// <summary>The distinct operation names, in ordinal order: the order <see cref="WithOperations(TaskTree, string[], int)"/> draws from.</summary>
    /// <exception cref="ArgumentException">An operation name is empty.</exception>
    internal static string[] OperationNames(IEnumerable<string>? operations)
    {
        var names = operations?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() ?? [];
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Operation names must be non-empty.", nameof(operations));
        }

        return names;
    }

    /// <summary>The tree <see cref="Trees"/> draws from FsCheck's <paramref name="seed"/> at <paramref name="size"/>.</summary>
    internal static TaskTree Tree(int seed, int size, TreeShape shape) => TreeSampler.Sample(Mix(seed, size), size, shape);

    /// <summary>One 64-bit seed from FsCheck's 31-bit draw and the size, so different sizes never share a tree.</summary>
    private static ulong Mix(int seed, int size) => ((ulong)(uint)seed << 32) ^ (uint)size ^ 0xC2B2AE3D27D4EB4FUL;

    /// <summary>Gives each leaf of <paramref name="tree"/>, in pre-order, one of <paramref name="names"/> or none (even odds).</summary>
    internal static TaskTree WithOperations(TaskTree tree, string[] names, int seed)
    {
        var random = new TreeRandom((ulong)(uint)seed);
        return tree with { Root = Place(tree.Root, ref random) };

        Group Place(Group group, ref TreeRandom random)
        {
            var children = new TreeNode[group.Children.Count];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = group.Children[i] switch
                {
                    Leaf leaf => leaf with { Operation = random.Chance(1, 2) ? names[random.Below(names.Length)] : null },
                    Group inner => Place(inner, ref random),
                    var other => other,
                };
            }

            return group with { Children = children };
        }
    }
}
