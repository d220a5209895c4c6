using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Generation;

/// <summary>The tree generator reaches every feature, generates only finishable trees and respects its bounds.</summary>
public sealed class TreeGeneratorTests
{
    private static IReadOnlyList<TaskTree> Sample(Gen<TaskTree> gen, int count, ulong seed) =>
        [.. Enumerable.Range(0, count).Select(i => Gen.Sample(gen, 1, new Rnd(seed + (ulong)i * 7919UL), i % 101)[0])];

    /// <summary>Trees 0 to <paramref name="count"/> - 1 of a search with <paramref name="seed"/>: sizes grow to 100 and stay there.</summary>
    private static IReadOnlyList<TaskTree> Search(Gen<TaskTree> gen, int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => ChaosSearch.TreeAt(gen, seed, i))];

    private static int Widest(TaskTree tree) => tree.Entries().Max(e => e.Node is Group g ? g.Children.Count : 0);

    private static IEnumerable<Leaf> Leaves(TaskTree tree) => tree.Entries().Select(e => e.Node).OfType<Leaf>();

    private static int GroupDepth(TreeNode node) => node is Group g ? 1 + g.Children.Select(GroupDepth).DefaultIfEmpty(0).Max() : 0;

    public static Arbitrary<TaskTree> Trees() => Arb.From(ChaosTrees.Arbitrary().Generator);

    [Fact]
    public void Registered_operations_are_placed_on_about_half_of_the_leaves_and_none_without_them()
    {
        var plain = Sample(ChaosTrees.Arbitrary().Generator, 500, 5).SelectMany(Leaves).ToList();
        var placed = Sample(ChaosTrees.Arbitrary(operations: ["send-email", "charge-card", "charge-card"]).Generator, 500, 5).SelectMany(Leaves).ToList();

        Assert.All(plain, l => Assert.Null(l.Operation));
        var share = placed.Count(l => l.Operation is not null) / (double)placed.Count;
        Assert.InRange(share, 0.4, 0.6);
        Assert.Equal(["charge-card", "send-email"], placed.Select(l => l.Operation).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(placed, l => l is { Operation: not null, Then: LeafEnd.Fail });
        Assert.Throws<ArgumentException>(() => ChaosTrees.Arbitrary(operations: ["ok", " "]).Generator);
    }

    [Fact]
    public void A_fixed_seed_sample_reaches_every_feature()
    {
        var trees = Sample(ChaosTrees.Arbitrary().Generator, 2000, 17);
        var missing = new List<string>();
        void Reaches(string feature, Func<TaskTree, bool> has)
        {
            if (!trees.Any(has))
            {
                missing.Add(feature);
            }
        }

        Reaches("a same-instant tie", t => ReferenceModel.Run(t).HasTies);
        Reaches("caller cancel in the instant a leaf's work ends", t => t.CancelAfter is > 0 and var c && Leaves(t).Any(l => l.Then != LeafEnd.Hang && l.Work == c));
        Reaches("caller cancel at a leaf's instant off the shared palette", t => t.CancelAfter is { } c && c is not (0 or 5 or 10 or 20) && Leaves(t).Any(l => l.Work == c));
        Reaches("a hang", t => Leaves(t).Any(l => l.Then == LeafEnd.Hang));
        Reaches("a synchronous throw", t => Leaves(t).Any(l => l.Then == LeafEnd.ThrowSync));
        Reaches("a fault", t => Leaves(t).Any(l => l.Then == LeafEnd.Fail));
        foreach (var behaviour in Enum.GetValues<CancelBehavior>())
        {
            Reaches($"OnCancel {behaviour}", t => Leaves(t).Any(l => l.OnCancel == behaviour));
        }

        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            Reaches($"error {kind}", t => Leaves(t).Any(l => l.Then == LeafEnd.Fail && l.Error == kind));
        }

        Reaches("groups nested 2 deep", t => GroupDepth(t.Root) >= 2);
        Reaches("groups nested 3 deep", t => GroupDepth(t.Root) >= 3);
        Reaches("cleanup time", t => Leaves(t).Any(l => l.Cleanup > 0));
        Reaches("a caller cancel that the root sees", t => t.CancelAfter is not null && ReferenceModel.Run(t).Root.TokenCancelledAt is not null);
        Reaches("a tree of 12 nodes or more", t => t.NodeCount >= 12);
        Reaches("an unstarted node", t => ReferenceModel.Run(t).Nodes.Any(n => !n.Started));
        Reaches("a group of 11 children or more", t => Widest(t) >= 11);
        Reaches("work of 1 to 30 s", t => Leaves(t).Any(l => l.Work is >= 1_000 and <= 30_000));
        Reaches("work past 30 s", t => Leaves(t).Any(l => l.Work > 30_000));
        Reaches("cleanup past 1 s", t => Leaves(t).Any(l => l.Cleanup > 1_000));
        Reaches("a caller cancel past 1 s", t => t.CancelAfter > 1_000);
        Reaches("an OperationCanceledException thrown during cleanup", t => Leaves(t).Any(l => l is { OnCancel: CancelBehavior.Fail, CleanupError: ErrorKind.OperationCanceledException or ErrorKind.TaskCanceledException }));
        Reaches("a leaf that waits on its group's token", t => t.Entries().Any(e => e.Node is Leaf { OuterToken: 1 } && e.ParentId != TaskTree.RootId));
        Reaches("a leaf that waits on the caller's token", t => t.Entries().Any(e => e.Node is Leaf { OuterToken: > 0 } l && l.OuterToken >= e.Id.Count(c => c == '.')));
        Reaches("a hang released only by the caller", t => t.CancelAfter is not null && Leaves(t).Any(l => l is { Then: LeafEnd.Hang, OuterToken: > 0 }));
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
    }

    [Property(Arbitrary = [typeof(TreeGeneratorTests)], MaxTest = 1000)]
    public bool Every_generated_tree_terminates_under_ideal_semantics(TaskTree tree) => ReferenceModel.Run(tree).Terminates;

    [Fact]
    public void The_unfiltered_generator_makes_some_trees_that_never_end_so_the_filter_matters()
    {
        var trees = Sample(TreeGenerator.Trees(16, 3), 2000, 23);
        Assert.Contains(trees, t => !ReferenceModel.Run(t).Terminates);
    }

    [Property(Arbitrary = [typeof(TreeGeneratorTests)], MaxTest = 1000)]
    public bool Hang_leaves_never_ignore_their_token(TaskTree tree) =>
        Leaves(tree).All(l => l.Then != LeafEnd.Hang || l.OnCancel != CancelBehavior.Ignore);

    [Theory]
    [InlineData(2, 1, 12)]
    [InlineData(3, 1, 12)]
    [InlineData(5, 2, 12)]
    [InlineData(8, 2, 3)]
    [InlineData(16, 3, 12)]
    [InlineData(40, 4, 5)]
    [InlineData(64, 3, 20)]
    public void Trees_respect_max_nodes_max_depth_and_max_children(int maxNodes, int maxDepth, int maxChildren)
    {
        var trees = Search(ChaosTrees.Arbitrary(maxNodes, maxDepth, maxChildren: maxChildren).Generator, 600, maxNodes * 31 + maxDepth);
        Assert.All(trees, t =>
        {
            Assert.InRange(t.NodeCount, 2, maxNodes);
            Assert.InRange(GroupDepth(t.Root), 1, maxDepth);
            Assert.InRange(Widest(t), 1, maxChildren);
        });

        // The bounds are reached, not just respected: a search's trees grow to them.
        Assert.Contains(trees, t => t.NodeCount == maxNodes);
        Assert.Contains(trees, t => GroupDepth(t.Root) == Math.Min(maxDepth, maxNodes - 1));
        Assert.Contains(trees, t => Widest(t) == Math.Min(maxChildren, maxNodes - 1));
    }

    [Fact]
    public void A_search_grows_its_trees_to_max_nodes_and_keeps_small_ones_common()
    {
        var means = new List<double>();
        foreach (var maxNodes in new[] { 16, 64, 256 })
        {
            var counts = Search(ChaosTrees.Arbitrary(maxNodes).Generator, 1000, 1).Select(t => t.NodeCount).ToList();
            means.Add(counts.Average());
            Assert.InRange(counts.Max(), maxNodes * 3 / 4, maxNodes);
            Assert.True(counts.Count(c => c <= 5) >= 150, $"only {counts.Count(c => c <= 5)} of 1000 trees of at most 5 nodes at MaxNodes {maxNodes}");
        }

        Assert.True(means[1] > 1.5 * means[0] && means[2] > 1.5 * means[1], $"means {string.Join(", ", means)}");
    }

    [Fact]
    public void Delays_spread_to_max_delay_and_still_share_instants()
    {
        var trees = Search(ChaosTrees.Arbitrary(maxDelay: 60_000).Generator, 1000, 3);
        var delays = trees.SelectMany(Leaves).SelectMany(l => new[] { l.Work, l.Cleanup }).Concat(trees.Select(t => t.CancelAfter ?? 0)).ToList();
        Assert.All(delays, d => Assert.InRange(d, 0, 60_000));
        Assert.Contains(delays, d => d > 40_000);
        Assert.Contains(delays, d => d is > 0 and < 20);

        // Same-instant events stay common: many trees have a tie the scheduler's seed decides.
        Assert.InRange(trees.Count(t => ReferenceModel.Run(t).HasTies), 100, 1000);
    }

    [Fact]
    public void Trees_grow_with_the_size_parameter()
    {
        var gen = ChaosTrees.Arbitrary().Generator;
        var small = Enumerable.Range(0, 200).Average(i => Gen.Sample(gen, 1, new Rnd((ulong)i + 1), 0)[0].NodeCount);
        var large = Enumerable.Range(0, 200).Average(i => Gen.Sample(gen, 1, new Rnd((ulong)i + 1), 100)[0].NodeCount);
        Assert.Equal(2, small);
        Assert.True(large > 4, $"average {large} nodes at size 100");
    }

    [Fact]
    public void Bad_bounds_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChaosTrees.Arbitrary(1, 3).Generator);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChaosTrees.Arbitrary(16, 0).Generator);
    }
}
