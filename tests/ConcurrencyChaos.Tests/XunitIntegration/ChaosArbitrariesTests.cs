using ConcurrencyChaos.Model;
using ConcurrencyChaos.Shrinking;
using ConcurrencyChaos.Xunit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.FSharp.Core;

namespace ConcurrencyChaos.Tests.XunitIntegration;

public sealed class ChaosArbitrariesTests
{
    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(12, 3, 3)] // the budget grows from 2 at size 0 to MaxNodes (16) at size 100
    [InlineData(60, 10, 10)]
    [InlineData(1000, 16, 12)]
    public void The_generator_bounds_nodes_by_size(int size, int maxNodes, int largestAtLeast)
    {
        var trees = ChaosArbitraries.TaskTree().Generator.Sample(200, new Rnd(7UL), size);

        Assert.All(trees, t => Assert.InRange(t.NodeCount, 2, maxNodes));
        Assert.InRange(trees.Max(t => t.NodeCount), largestAtLeast, maxNodes); // the bound grows with size, not just caps it
    }

    [Fact]
    public void The_shrinker_is_the_tree_shrinker()
    {
        var tree = new TaskTree(
            new Group(
                new Leaf { Work = 10, Then = LeafEnd.Fail },
                new Group(new Leaf { Work = 20 }, new Leaf { Work = 5, Then = LeafEnd.Fail })),
            CancelAfter: 5,
            Seed: 3);

        var shrinks = ChaosArbitraries.TaskTree().Shrinker(tree).ToList();

        Assert.NotEmpty(shrinks);
        Assert.Equal(ChaosTrees.Arbitrary().Shrinker(tree), shrinks);
    }

    [Fact]
    public void A_failing_property_is_shrunk_by_the_tree_shrinker_to_a_small_tree()
    {
        var seen = new List<(TaskTree Tree, bool Held)>();
        var property = Prop.ForAll(ChaosArbitraries.TaskTree(), tree =>
        {
            var held = tree.NodeCount < 4;
            seen.Add((tree, held));
            return held;
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(200)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(11UL, 13UL), FSharpOption<int>.None)));

        var failure = Assert.ThrowsAny<Exception>(() => Check.One(config, property));

        var first = seen.FindIndex(s => !s.Held);
        Assert.True(first >= 0, failure.Message);
        var current = seen[first].Tree;
        foreach (var (tree, held) in seen.Skip(first + 1))
        {
            // Every tree FsCheck tried after the first failure is one of our shrink steps of the smallest failure so far.
            Assert.Contains(tree, ChaosTrees.Arbitrary().Shrinker(current));
            if (!held)
            {
                current = tree;
            }
        }

        Assert.True(current.NodeCount < seen[first].Tree.NodeCount || seen[first].Tree.NodeCount == 4, failure.Message);
        Assert.InRange(current.NodeCount, 4, 5);
        Assert.Contains("Shrunk", failure.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(ChaosArbitraries) }, MaxTest = 50)]
    public bool Properties_over_task_trees_get_bounded_trees(TaskTree tree) =>
        tree.NodeCount is >= 2 and <= 16;
}
