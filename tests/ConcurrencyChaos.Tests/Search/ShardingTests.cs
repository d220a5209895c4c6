using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Search;

/// <summary>Issue 4: shards 0/2 and 1/2 together run exactly the trees of one unsharded search.</summary>
public sealed class ShardingTests
{
    [Fact]
    public void Two_shards_split_the_failing_search_exactly()
    {
        foreach (var seed in Enumerable.Range(1, 12))
        {
            var whole = Chaos.Check("when-all", new ChaosOptions { Seed = seed });
            var shards = Enumerable.Range(0, 2)
                .Select(i => Chaos.Check("when-all", new ChaosOptions { Seed = seed, ShardCount = 2, ShardIndex = i }))
                .ToArray();

            // Tree index n-1 failed first overall: its shard fails on it, after running exactly its share of 0..n-1.
            var failedAt = whole.TreesRun - 1;
            var owner = shards[failedAt % 2];
            Assert.Equal((failedAt / 2) + 1, owner.TreesRun);
            Assert.Equal(whole.Counterexample!.OriginalNodeCount, owner.Counterexample!.OriginalNodeCount);
            Assert.Equal(whole.Counterexample.Tree, owner.Counterexample.Tree);
            Assert.Equal(whole.Counterexample.ScenarioJson, owner.Counterexample.ScenarioJson);

            // The other shard ran only trees that passed in the whole search, then failed on a later one.
            var other = shards[1 - (failedAt % 2)];
            var otherLast = (1 - (failedAt % 2)) + (2 * (other.TreesRun - 1));
            Assert.True(otherLast > failedAt, $"seed {seed}: the other shard failed on tree {otherLast}, before {failedAt}");
        }
    }

    [Fact]
    public void Two_passing_shards_cover_the_unsharded_trees()
    {
        const int seed = 77;
        var whole = Chaos.Check("task-group", new ChaosOptions { Seed = seed, MaxTrees = 200 });
        var shards = Enumerable.Range(0, 2)
            .Select(i => Chaos.Check("task-group", new ChaosOptions { Seed = seed, MaxTrees = 100, ShardCount = 2, ShardIndex = i }))
            .ToArray();
        Assert.All(shards, s => Assert.Equal(100, s.TreesRun));
        Assert.Equal(whole.NodesRun, shards.Sum(s => s.NodesRun));

        // The trees themselves: shard i's k-th tree is tree i + 2k of the whole search, a pure function of seed and index.
        var gen = ChaosTrees.Arbitrary(ChaosOptions.Default.MaxNodes, ChaosOptions.Default.MaxDepth).Generator;
        var wholeTrees = Enumerable.Range(0, 200).Select(i => ChaosSearch.TreeAt(gen, seed, i)).ToList();
        var shardTrees = Enumerable.Range(0, 2).SelectMany(s => Enumerable.Range(0, 100).Select(k => ChaosSearch.TreeAt(gen, seed, s + (2 * k)))).ToList();
        Assert.Equal(wholeTrees.Sum(t => (long)t.NodeCount), whole.NodesRun);
        Assert.True(wholeTrees.ToHashSet().SetEquals(shardTrees));
        Assert.Equal(wholeTrees.Count, shardTrees.Count);
    }
}
