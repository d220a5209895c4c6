using ConcurrencyChaos.Model;
using ConcurrencyChaos.Xunit;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace ConcurrencyChaos.SampleConsumer.Tests;

public sealed class OrderFanOutChaosTests(ITestOutputHelper output)
{
    [Fact]
    public void The_task_group_helper_holds_on_generated_trees() =>
        Chaos.Check(OrderFanOut.ProcessAllAsync).AssertHolds();

    [Fact]
    public void The_naive_helper_fails_with_a_message_showing_the_tree_the_invariant_and_a_replay_test()
    {
        var result = Chaos.Check(OrderFanOut.ProcessAllNaiveAsync, new ChaosOptions { Seed = 1 });

        Assert.False(result.Passed, result.ToString());
        var counterexample = Assert.IsType<Counterexample>(result.Counterexample);
        var failure = Assert.Throws<ChaosException>(result.AssertHolds);
        output.WriteLine(failure.Message);

        Assert.Contains("OrderFanOut.ProcessAllNaiveAsync", failure.Message, StringComparison.Ordinal);
        Assert.All(counterexample.Violations, v => Assert.Contains(v.Invariant, failure.Message, StringComparison.Ordinal));
        Assert.Contains("[Fact]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Chaos.Run(tree, OrderFanOut.ProcessAllNaiveAsync)", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"Tree ({counterexample.NodeCount} nodes", failure.Message, StringComparison.Ordinal);
        Assert.Contains("0 group (OrderFanOut.ProcessAllNaiveAsync)", failure.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(ChaosArbitraries) }, MaxTest = 200)]
    public bool The_task_group_helper_holds_on_every_tree(TaskTree tree) =>
        Chaos.Run(tree, OrderFanOut.ProcessAllAsync).Passed;
}
