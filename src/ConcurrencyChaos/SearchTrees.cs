using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos;

/// <summary>
/// The trees a search draws, tree by tree, without FsCheck: for every seed, index, pattern and options, the very tree
/// that <see cref="ChaosSearch.TreeAt"/> samples from the generator of <see cref="ChaosTrees.For"/>, computed by hand
/// (FsCheck's combinators, <c>Gen.Sample</c>'s plumbing and their first-call JIT cost more than drawing the tree).
/// <see cref="ChaosTrees"/> stays the arbitrary for shrinking and for users' properties.
/// </summary>
/// <remarks>
/// <para>
/// The FsCheck generator is <c>WithOperations(Arb.Filter(Gen.Sized(size =&gt; Gen.Choose(0, int.MaxValue).Select(seed =&gt;
/// tree of (seed, size))), CanFinish))</c>, sampled once with <c>new Rnd(StartSeed)</c> at <see cref="Size"/>. Only draws
/// advance FsCheck's <c>Rnd</c>, and nothing splits it (see <see cref="FsCheckRandom"/>), so the generator is the
/// sequence of draws below, on one <see cref="FsCheckRandom"/>:
/// </para>
/// <list type="number">
/// <item><description><b>The filter</b> (<c>Arb.filter</c> is <c>Gen.where</c>). At size n, <c>Gen.where</c> runs
/// <c>tryWhere</c>: with s = max(1, n), attempt k = 0 … s - 1 draws the tree at size 2k + (s - k) = s + k (one
/// <c>Gen.Choose</c>, then <see cref="TreeGenerator.Tree"/>) and returns the first that passes
/// <see cref="ChaosTrees.CanFinish(TaskTree, ConcurrencyBounds)"/>. When all s fail, <c>where</c> starts again at size
/// n + 1, from the random state the failures left.</description></item>
/// <item><description><b>Operations</b>, when some are registered: <c>SelectMany</c> of one more
/// <c>Gen.Choose(0, int.MaxValue)</c>, after the filter's draws, seeding the placement.</description></item>
/// </list>
/// </remarks>
internal sealed class SearchTrees
{
    private readonly TreeShape _shape;
    private readonly string[] _operations;
    private readonly ConcurrencyBounds _bounds;

    private SearchTrees(TreeShape shape, string[] operations, ConcurrencyBounds bounds)
    {
        _shape = shape;
        _operations = operations;
        _bounds = bounds;
    }

    /// <summary>The trees of a search of <paramref name="pattern"/> with <paramref name="options"/>: those of <see cref="ChaosTrees.For"/>.</summary>
    public static SearchTrees For(ChaosPattern pattern, ChaosOptions options) =>
        new(
            new TreeShape(options.MaxNodes, options.MaxDepth, options.MaxChildren, options.MaxDelayMs).Validated(),
            TreeGenerator.OperationNames(options.Run.Operations.Keys),
            pattern.Bounds);

    /// <summary>FsCheck's size for tree <paramref name="index"/>: growing with the index up to 100.</summary>
    public static int Size(int index) => Math.Min(100, index);

    /// <summary>The seed of FsCheck's <c>Rnd</c> that tree <paramref name="index"/> of the search with <paramref name="seed"/> is sampled with.</summary>
    public static ulong StartSeed(int seed, int index) => unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)index ^ 0x5DEECE66DUL);

    /// <summary>Tree number <paramref name="index"/> of the search with <paramref name="seed"/>: a pure function of both.</summary>
    public TaskTree At(int seed, int index)
    {
        var random = new FsCheckRandom(StartSeed(seed, index));
        var tree = Finishable(ref random, Size(index));
        return _operations.Length == 0 ? tree : TreeGenerator.WithOperations(tree, _operations, random.NonNegative());
    }

    /// <summary>FsCheck's <c>Gen.where</c> at <paramref name="size"/>: the first tree drawn that the pattern can finish.</summary>
    private TaskTree Finishable(ref FsCheckRandom random, int size)
    {
        for (var n = size; ; n++)
        {
            var attempts = Math.Max(1, n);
            for (var k = 0; k < attempts; k++)
            {
                var tree = TreeGenerator.Tree(random.NonNegative(), attempts + k, _shape);
                if (ChaosTrees.CanFinish(tree, _bounds))
                {
                    return tree;
                }
            }
        }
    }
}
