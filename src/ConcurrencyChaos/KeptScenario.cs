using System.Globalization;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Reporting;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos;

/// <summary>A counterexample as a scenario file to keep: its name and its JSON.</summary>
internal static class KeptScenario
{
    /// <summary>The name (<c>found-&lt;pattern&gt;-seed-&lt;seed&gt;</c>) and the scenario JSON that replays <paramref name="minimal"/>.</summary>
    public static (string Name, string Json) Of(ChaosPattern pattern, RunReport minimal, int seed, int shrinkSteps, int originalNodes)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"found-{Names.Slug(pattern.Name)}-seed-{seed}");
        var about = string.Create(CultureInfo.InvariantCulture,
            $"Found by ConcurrencyChaos (search seed {seed}, shrunk from {originalNodes} to {minimal.Tree.NodeCount} nodes in {shrinkSteps} steps). 'expect' pins what {pattern.Name} does today: empty its list once the pattern is fixed.");
        var expect = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [pattern.CatalogId ?? Names.Slug(pattern.Name)] = [.. minimal.Violations.Select(v => v.Invariant).Distinct()],
        };
        return (name, ScenarioWriter.Write(minimal.Tree, name, about, expect));
    }
}
