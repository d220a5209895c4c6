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
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 2)]
    [InlineData(16, 3)]
    [InlineData(40, 4)]
    public void Trees_respect_max_nodes_and_max_depth(int maxNodes, int maxDepth)
    {
        var trees = Sample(ChaosTrees.Arbitrary(maxNodes, maxDepth).Generator, 600, (ulong)(maxNodes * 31 + maxDepth));
        Assert.All(trees, t =>
        {
            Assert.InRange(t.NodeCount, 2, maxNodes);
            Assert.InRange(GroupDepth(t.Root), 1, maxDepth);
        });

        // The bounds are approached, not just respected (the node budget grows with size, to 18 at size 100).
        Assert.Contains(trees, t => t.NodeCount >= Math.Min(maxNodes, 8));
        if (maxNodes >= 2 * maxDepth && maxDepth <= 3) // 4 deep is rare within the size-100 budget of 18 nodes
        {
            Assert.Contains(trees, t => GroupDepth(t.Root) == maxDepth);
        }
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
