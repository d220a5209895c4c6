using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Scenarios;

/// <summary>Replays a scenario under every pattern its <c>expect</c> names and compares the violations with the expectation.</summary>
public static class ScenarioVerifier
{
    /// <summary>
    /// One outcome per pattern in <c>expect</c>, in pattern-id order. Catalog ids run the catalog
    /// pattern; other ids must be in <paramref name="ownPatterns"/> (a consumer's patterns by name).
    /// </summary>
    /// <param name="scenario">The scenario to replay.</param>
    /// <param name="ownPatterns">A consumer's patterns by id, for ids the catalog does not know.</param>
    /// <param name="options">How to run each replay; <see cref="RunOptions.Default"/> if null.</param>
    /// <param name="cancellationToken">Checked before each pattern's replay (a replay itself runs to its end or its budget).</param>
    /// <returns>One outcome per pattern in <c>expect</c>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before a pattern's replay.</exception>
    public static IReadOnlyList<ScenarioOutcome> Verify(
        Scenario scenario,
        IReadOnlyDictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>>? ownPatterns = null,
        RunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var outcomes = new List<ScenarioOutcome>();
        foreach (var (patternId, expected) in scenario.Expect)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pattern = ownPatterns is not null && ownPatterns.TryGetValue(patternId, out var own)
                ? new PatternUnderTest(patternId, null, own)
                : PatternUnderTest.FromCatalog(patternId);
            var report = SingleRun.OnHarnessThread(scenario.Tree, pattern, options ?? RunOptions.Default, null);
            outcomes.Add(new ScenarioOutcome(scenario, patternId, expected, report));
        }

        return outcomes;
    }
}
