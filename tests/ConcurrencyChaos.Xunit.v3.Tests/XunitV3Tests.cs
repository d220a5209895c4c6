using ConcurrencyChaos.Model;
using ConcurrencyChaos.Xunit;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Xunit.v3.Tests;

/// <summary>The xunit v3 package, used as a team would: searches, properties, one-run assertions and scenario rows.</summary>
public sealed class XunitV3Tests
{
    [Fact]
    public void A_search_of_a_structured_pattern_holds() =>
        Chaos.Check("task-group", new ChaosOptions { Seed = 1, MaxTrees = 200 }, TestContext.Current.CancellationToken).AssertHolds();

    [Fact]
    public void A_search_of_a_naive_fan_out_fails_with_the_counterexample()
    {
        var failure = Assert.Throws<ChaosException>(() =>
            Chaos.Check(FanOuts.WhenAllAsync, new ChaosOptions { Seed = 1 }, TestContext.Current.CancellationToken).AssertHolds());

        Assert.Contains("ConcurrencyChaos: pattern 'FanOuts.WhenAllAsync' broke", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Chaos.Run(tree, FanOuts.WhenAllAsync);", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"expect\": {\n    \"fan-outs-when-all-async\": []\n  },\n  \"found\"", failure.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(ChaosArbitraries)], MaxTest = 50)]
    public void A_property_over_generated_trees_holds_for_the_structured_pattern(TaskTree tree) =>
        ChaosAssert.Holds(Chaos.Run(tree, "task-group", cancellationToken: TestContext.Current.CancellationToken));

    [Fact]
    public void A_failed_run_says_what_broke_and_how_to_replay_it()
    {
        var tree = new TaskTree(new Group(new Leaf { OnCancel = CancelBehavior.Swallow }), CancelAfter: 0);

        var report = Chaos.Run(tree, FanOuts.WhenAllAsync, cancellationToken: TestContext.Current.CancellationToken);

        var failure = Assert.Throws<ChaosAssertException>(() => ChaosAssert.Holds(report));

        Assert.StartsWith("Expected pattern 'FanOuts.WhenAllAsync' to hold every invariant, but it broke cancellation-propagated.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Replay it with this xunit test:", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"var tree = {tree.ToString().Replace("\n", "\n    ", StringComparison.Ordinal)};", failure.Message, StringComparison.Ordinal);
        ChaosAssert.Violates(report, "cancellation-propagated");
    }

    [Theory]
    [ScenarioData("scenarios")]
    public void The_repository_scenarios_meet_their_expectations(string file, string pattern) =>
        ScenarioCase.Verify(file, pattern);

    [Fact]
    public async Task Scenario_rows_are_one_per_file_and_pattern_and_can_be_filtered()
    {
        var method = typeof(XunitV3Tests).GetMethod(nameof(The_repository_scenarios_meet_their_expectations))!;

        var all = await new ScenarioDataAttribute("scenarios").GetData(method, new global::Xunit.Sdk.DisposalTracker());
        var whenAll = await new ScenarioDataAttribute("scenarios") { Pattern = "when-all" }.GetData(method, new global::Xunit.Sdk.DisposalTracker());

        Assert.Contains(all, row => row.GetData() is ["scenarios/found/found-when-all-seed-1.json", "task-group"]);
        Assert.NotEmpty(whenAll);
        Assert.All(whenAll, row => Assert.Equal("when-all", row.GetData()[1]));
        Assert.True(new ScenarioDataAttribute("scenarios").SupportsDiscoveryEnumeration());
    }
}
