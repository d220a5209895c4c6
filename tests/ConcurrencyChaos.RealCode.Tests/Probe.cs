using System.Globalization;
using System.Text;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>
/// What one process finds for every fan-out with one seed: the scenario JSON of its counterexample (or the number of
/// trees it held on), and the escape diagnostics of a sample of runs. The same seed must print the same text in every process.
/// </summary>
public static class Probe
{
    /// <summary>Trees per search in the probe: enough to find what each fan-out breaks, small enough to start three processes.</summary>
    public const int Trees = 300;

    /// <summary>The probe's text for <paramref name="seed"/>.</summary>
    /// <param name="seed">The search seed.</param>
    /// <returns>The text.</returns>
    public static string Run(int seed)
    {
        var text = new StringBuilder();
        foreach (var name in FanOuts.All.Keys)
        {
            var result = Chaos.Check(FanOuts.Pattern(name), new ChaosOptions { Seed = seed, MaxTrees = Trees });
            text.Append(CultureInfo.InvariantCulture, $"## {name}\n");
            if (result.Counterexample is { } found)
            {
                text.Append(CultureInfo.InvariantCulture, $"violated {string.Join(",", found.Violations.Select(v => v.Invariant))} after {result.TreesRun} trees\n");
                text.Append(string.Join("\n", found.Trace.Diagnostics.Select(d => d.ToString()))).Append('\n');
                text.Append(found.ScenarioJson.ReplaceLineEndings("\n")).Append('\n');
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"held on {result.TreesRun} trees, {result.NodesRun} nodes\n");
            }
        }

        return text.ToString();
    }
}
