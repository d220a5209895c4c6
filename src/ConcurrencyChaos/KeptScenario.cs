using System.Globalization;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Reporting;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos;

/// <summary>
/// A counterexample as a scenario file to keep, as a regression test: <c>expect</c> says the pattern must hold
/// every invariant on the tree, and <c>found</c> records what it broke when it was kept. The kept file fails until
/// the bug is fixed, then guards the fix, with no editing in between.
/// </summary>
internal static class KeptScenario
{
    /// <summary>The name (<c>found-&lt;pattern&gt;-seed-&lt;seed&gt;</c>) and the scenario JSON that replays <paramref name="minimal"/>.</summary>
    public static (string Name, string Json) Of(ChaosPattern pattern, RunReport minimal, int seed, int shrinkSteps, int originalNodes)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"found-{Names.Slug(pattern.Name)}-seed-{seed}");
        var about = string.Create(CultureInfo.InvariantCulture,
            $"Found by ConcurrencyChaos (search seed {seed}, {Shrinking(originalNodes, minimal.Tree.NodeCount, shrinkSteps)}). 'expect' says {pattern.Name} must hold every invariant on this tree and 'found' records what it broke: this scenario fails until the pattern is fixed, then guards the fix.");
        var id = pattern.CatalogId ?? Names.Slug(pattern.Name);
        var expect = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [id] = [] };
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [id] = [.. minimal.Violations.Select(v => v.Invariant).Distinct()],
        };
        return (name, ScenarioWriter.Write(minimal.Tree, name, about, expect, found));
    }

    /// <summary>"shrunk from 5 to 3 nodes in 6 steps", "3 nodes, simplified in 1 step" or "3 nodes, already minimal".</summary>
    private static string Shrinking(int originalNodes, int nodes, int steps)
    {
        var stepText = string.Create(CultureInfo.InvariantCulture, $"{steps} step{(steps == 1 ? "" : "s")}");
        return originalNodes != nodes
            ? string.Create(CultureInfo.InvariantCulture, $"shrunk from {originalNodes} to {nodes} nodes in {stepText}")
            : steps == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{nodes} nodes, already minimal")
                : string.Create(CultureInfo.InvariantCulture, $"{nodes} nodes, simplified in {stepText}");
    }
}
