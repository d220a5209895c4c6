using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Shrinking;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>The product's own generator and shrinker as an FsCheck arbitrary, and fixed-seed samples of it.</summary>
public static class GeneratedTrees
{
    public static Arbitrary<TaskTree> TaskTree() => Arb.From(ChaosTrees.Arbitrary().Generator, ChaosTrees.Arbitrary().Shrinker);

    /// <summary><paramref name="count"/> trees of a fixed seed, sizes spread like a search's (0..100).</summary>
    internal static IReadOnlyList<TaskTree> Sample(int count, ulong seed) =>
        [.. Enumerable.Range(0, count).Select(i => Gen.Sample(ChaosTrees.Arbitrary().Generator, 1, new Rnd(seed * 1_000_003UL + (ulong)i), i % 101)[0])];
}
