using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Scenarios;

/// <summary>Replays a scenario under every pattern its <c>expect</c> names and compares the violations with the expectation.</summary>
public static class ScenarioVerifier
{
    /// <summary>
    /// One outcome per pattern in <c>expect</c>, in pattern-id order. Catalog ids run the catalog
    /// pattern; other ids must be in <paramref name="ownPatterns"/> (a consumer's patterns by name).
    /// </summary>
    public static IReadOnlyList<ScenarioOutcome> Verify(
        Scenario scenario,
        IReadOnlyDictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>>? ownPatterns = null,
        RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var outcomes = new List<ScenarioOutcome>();
        foreach (var (patternId, expected) in scenario.Expect)
        {
            var pattern = ownPatterns is not null && ownPatterns.TryGetValue(patternId, out var own)
                ? new PatternUnderTest(patternId, null, own)
                : PatternUnderTest.FromCatalog(patternId);
            var report = SingleRun.OnHarnessThread(scenario.Tree, pattern, options ?? RunOptions.Default, null);
            outcomes.Add(new ScenarioOutcome(scenario, patternId, expected, report));
        }

        return outcomes;
    }
}
