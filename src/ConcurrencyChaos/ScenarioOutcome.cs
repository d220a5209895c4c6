using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos;

/// <summary>One scenario replayed under one pattern its <c>expect</c> names: what was expected, what happened.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="PatternId">The pattern.</param>
/// <param name="Expected">The exact set of invariant ids the pattern must violate.</param>
/// <param name="Report">The run.</param>
public sealed record ScenarioOutcome(Scenario Scenario, string PatternId, IReadOnlyList<string> Expected, RunReport Report)
{
    /// <summary>The invariant ids the run violated, in catalog order.</summary>
    public IReadOnlyList<string> Actual { get; } = [.. Report.Violations.Select(v => v.Invariant).Distinct()];

    /// <summary>Whether the run violated exactly the expected invariants.</summary>
    public bool Met => Actual.Order(StringComparer.Ordinal).SequenceEqual(Expected.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Expected but held.</summary>
    public IReadOnlyList<string> Missing => [.. Expected.Except(Actual, StringComparer.Ordinal)];

    /// <summary>Violated but not expected.</summary>
    public IReadOnlyList<Violation> Unexpected => [.. Report.Violations.Where(v => !Expected.Contains(v.Invariant, StringComparer.Ordinal))];

    /// <summary>One paragraph: met, or what differed and why, in plain words.</summary>
    public string Describe()
    {
        var where = $"{Scenario.SourcePath ?? Scenario.Name} under {PatternId}";
        if (Met)
        {
            return Expected.Count == 0 ? $"{where}: held every invariant, as expected" : $"{where}: violated {string.Join(", ", Expected)}, as expected";
        }

        var lines = new List<string> { $"{where}: expectation not met" };
        foreach (var id in Missing)
        {
            lines.Add($"  expected {id} to be violated, but it held");
        }

        foreach (var violation in Unexpected)
        {
            lines.Add($"  unexpected {violation.Invariant}: {violation.Message}");
        }

        if (Scenario.Found.TryGetValue(PatternId, out var found) && Unexpected.Any(v => found.Contains(v.Invariant, StringComparer.Ordinal)))
        {
            lines.Add($"  (a kept counterexample: {PatternId} broke {string.Join(", ", found)} when it was found, and still does; it passes once the pattern is fixed)");
        }

        return string.Join('\n', lines);
    }
}
