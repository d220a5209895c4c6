using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>Issue 3: same tree and seed, same trace, byte for byte; a different seed explores another interleaving.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<string> Patterns => ["when-all", "fire-and-forget", "task-group", "parallel-foreach", "supervisor"];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Same_tree_and_seed_give_a_byte_identical_trace(string pattern)
    {
        foreach (var tree in GeneratedTrees.Sample(300, 11))
        {
            var first = Chaos.Run(tree, pattern).Trace.ToText();
            var second = Chaos.Run(tree, pattern).Trace.ToText();
            Assert.True(string.Equals(first, second, StringComparison.Ordinal), $"{pattern} replayed differently:\n{first}\n---\n{second}");
        }
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Changing_the_seed_changes_the_trace_of_some_same_instant_trees(string pattern)
    {
        var changed = 0;
        foreach (var tree in GeneratedTrees.Sample(200, 13))
        {
            var text = Chaos.Run(tree, pattern).Trace.ToText();
            if (Enumerable.Range(1, 3).Any(d => Chaos.Run(tree with { Seed = tree.Seed + d }, pattern).Trace.ToText() != text))
            {
                changed++;
            }
        }

        Assert.True(changed >= 10, $"{pattern}: only {changed} of 200 trees changed with the seed");
    }

    [Fact]
    public void Two_faults_in_the_same_instant_are_run_in_both_orders()
    {
        // The clearest interleaving: which of two 10 ms faults comes first decides what when-all's await throws.
        var tree = new TaskTree(new Group(
            new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
            new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException }));
        var first = Enumerable.Range(0, 40)
            .Select(seed => Chaos.Run(tree with { Seed = seed }, "task-group").Trace.Events.First(e => e.Kind == Model.TraceEventKind.Threw).NodeId)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["0.0", "0.1"], first.Order(StringComparer.Ordinal));
    }
}
