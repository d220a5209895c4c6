using ConcurrencyChaos.Xunit;

namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>The scenario files in scenarios/ (copied to the test output), one test case per file × pattern.</summary>
public sealed class OrderScenarioTests
{
    /// <summary>Our helpers by the names the scenario files use in <c>expect</c>.</summary>
    private static readonly ChaosPatterns Ours = new()
    {
        { "orders-naive", OrderFanOut.ProcessAllNaiveAsync },
        { "orders", OrderFanOut.ProcessAllAsync },
    };

    [Theory]
    [ScenarioData("scenarios")]
    public void Scenario_holds_its_expectation(string file, string pattern) =>
        ScenarioCase.Verify(file, pattern, Ours);
}
