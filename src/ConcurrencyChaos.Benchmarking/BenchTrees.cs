using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// Benchmark trees of an exact node count, a pure function of (nodes, seed, variant): groups of two
/// to five children nested up to four deep, delays from a small palette so events tie. "Mixed": about
/// a third of the leaves fail, some misbehave on cancellation or clean up, half the trees are cancelled
/// by the caller. "Nothing fails": every leaf succeeds and nobody cancels.
/// </summary>
internal static class BenchTrees
{
    private static readonly int[] Palette = [0, 5, 10, 20];

    public static TaskTree Make(int nodes, int seed, bool mixed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 2);
        var random = new SplitMix64(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ (ulong)nodes);
        var root = Group(nodes, depth: 1, mixed, ref random);
        int? cancelAfter = mixed && random.Next(2) == 0 ? Palette[random.Next(Palette.Length)] + 5 : null;
        return new TaskTree(root, cancelAfter, seed);
    }

    private static Group Group(int budget, int depth, bool mixed, ref SplitMix64 random)
    {
        var rest = budget - 1;
        var count = depth >= 4 ? rest : Math.Min(rest, 2 + random.Next(4));
        var children = new TreeNode[count];
        for (var i = 0; i < count; i++)
        {
            var share = rest / (count - i);
            rest -= share;
            children[i] = share >= 2 ? Group(share, depth + 1, mixed, ref random) : Leaf(mixed, ref random);
        }

        return new Group(children);
    }

    private static Leaf Leaf(bool mixed, ref SplitMix64 random)
    {
        var work = Palette[random.Next(Palette.Length)];
        if (!mixed)
        {
            return new Leaf { Work = work };
        }

        var fails = random.Next(3) == 0;
        var onCancel = random.Next(10) switch
        {
            < 6 => CancelBehavior.Throw,
            6 or 7 => CancelBehavior.Swallow,
            8 => CancelBehavior.Fail,
            _ => CancelBehavior.Ignore,
        };
        return new Leaf
        {
            Work = work,
            Then = fails ? LeafEnd.Fail : LeafEnd.Succeed,
            Error = (ErrorKind)random.Next(Enum.GetValues<ErrorKind>().Length),
            OnCancel = onCancel,
            Cleanup = random.Next(4) == 0 ? 5 : 0,
            CleanupError = ErrorKind.TimeoutException,
        };
    }
}
