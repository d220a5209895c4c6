using System.Globalization;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Reporting;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos;

/// <summary>A counterexample as a scenario file to keep: its name and its JSON.</summary>
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
            $"Found by ConcurrencyChaos (search seed {seed}, shrunk from {originalNodes} to {minimal.Tree.NodeCount} nodes in {shrinkSteps} steps). 'expect' pins what {pattern.Name} does today: empty its list once the pattern is fixed.{strategy}");
        var expect = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [pattern.CatalogId ?? Names.Slug(pattern.Name)] = [.. minimal.Violations.Select(v => v.Invariant).Distinct()],
        };
        return (name, ScenarioWriter.Write(minimal.Tree, name, about, expect));
    }
}
