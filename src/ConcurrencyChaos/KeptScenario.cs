using System.Globalization;
using ConcurrencyChaos.Execution;
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
    /// <summary>
    /// The name (<c>found-&lt;pattern&gt;-seed-&lt;seed&gt;</c>, then <c>-&lt;invariant&gt;</c> when <paramref name="namedAfter"/>
    /// tells one counterexample of a search from the others) and the scenario JSON that replays <paramref name="minimal"/>.
    /// A tree found under <see cref="SchedulingStrategy.Pct"/> replays its trace only under it, which the <c>about</c> says.
    /// </summary>
    public static (string Name, string Json) Of(ChaosPattern pattern, RunReport minimal, int seed, int shrinkSteps, int originalNodes, RunOptions run, string? namedAfter = null)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"found-{Names.Slug(pattern.Name)}-seed-{seed}{(namedAfter is null ? "" : "-" + namedAfter)}");
        var strategy = run.Strategy == SchedulingStrategy.Pct
            ? string.Create(CultureInfo.InvariantCulture, $" Found under the PCT scheduling strategy (depth {run.PctDepth}): replay it with RunOptions.Strategy = Pct and PctDepth = {run.PctDepth}, which orders its same-instant work.")
            : "";
        var about = string.Create(CultureInfo.InvariantCulture,
            $"Found by ConcurrencyChaos (search seed {seed}, {Shrinking(originalNodes, minimal.Tree.NodeCount, shrinkSteps)}). 'expect' says {pattern.Name} must hold every invariant on this tree and 'found' records what it broke: this scenario fails until the pattern is fixed, then guards the fix.{strategy}");
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
