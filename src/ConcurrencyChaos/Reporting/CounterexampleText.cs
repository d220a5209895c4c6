using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// The counterexample as a person reads it: what broke in plain words, the minimal tree with what
/// each node did, the seed to find it again, and an xunit test to paste that replays it.
/// </summary>
internal static class CounterexampleText
{
    public static string Render(ReportedCounterexample counterexample)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"ConcurrencyChaos: pattern '{counterexample.PatternName}' broke {string.Join(", ", counterexample.Violations.Select(v => v.Invariant).Distinct())} on a {counterexample.Tree.NodeCount}-node tree.\n");
        text.Append(CultureInfo.InvariantCulture, $"Search seed {counterexample.Seed}; {Shrunk(counterexample)}; ");
        text.Append(counterexample.IsDeterministic
            ? "replayed: same trace.\n\n"
            : string.Create(CultureInfo.InvariantCulture, $"reproduced {counterexample.Reproduced}/{counterexample.Replays} replays; NOT reproducible: the run left the runtime's control (real-time mode, or an escape: see diagnostics), so the same seed may find another counterexample.\n\n"));
        text.Append(TreeText.RenderViolations(counterexample.Violations)).Append('\n');
        text.Append(TreeText.Render(counterexample.Tree, counterexample.Run.Trace, counterexample.PatternName));
        foreach (var diagnostic in counterexample.Run.Trace.Diagnostics)
        {
            text.Append("  note: ").Append(diagnostic).Append('\n');
        }

        text.Append("\nReplay it with this xunit test:\n\n").Append(XunitTest(counterexample));
        text.Append("\nor keep it as a scenario file (scenarios/found/):\n\n").Append(counterexample.ScenarioJson);
        return text.ToString();
    }

    /// <summary>"shrunk from 5 to 3 nodes in 4 steps", "shrunk in 1 step (still 3 nodes: only values got smaller)", or "not shrunk: ...".</summary>
    private static string Shrunk(ReportedCounterexample counterexample)
    {
        var steps = counterexample.ShrinkSteps == 1 ? "1 step" : string.Create(CultureInfo.InvariantCulture, $"{counterexample.ShrinkSteps} steps");
        return counterexample.ShrinkSteps == 0 ? "not shrunk: no smaller tree breaks it"
            : counterexample.OriginalNodeCount == counterexample.Tree.NodeCount
                ? string.Create(CultureInfo.InvariantCulture, $"shrunk in {steps} (still {counterexample.Tree.NodeCount} nodes: only values got smaller)")
                : string.Create(CultureInfo.InvariantCulture, $"shrunk from {counterexample.OriginalNodeCount} to {counterexample.Tree.NodeCount} nodes in {steps}");
    }

    public static string XunitTest(ReportedCounterexample counterexample)
    {
        var method = string.Create(CultureInfo.InvariantCulture, $"{Names.Identifier(counterexample.PatternName)}_holds_on_chaos_seed_{counterexample.Seed}");
        var pattern = counterexample.Pattern switch
        {
            PatternKind.CatalogId => $"\"{counterexample.PatternName}\"",
            PatternKind.Lambda => "/* your pattern */ YourPattern",
            _ => counterexample.PatternName,
        };
        var options = counterexample.Tree.Entries().Any(e => e.Node is Leaf { Operation: not null })
            ? ", options /* the RunOptions whose Operations the search had */"
            : "";
        return $$"""
            [Fact]
            public void {{method}}()
            {
                var tree = {{CSharpTree.Render(counterexample.Tree, "    ")}};
                var report = Chaos.Run(tree, {{pattern}}{{options}});
                Assert.True(report.Passed, report.ToString());
            }

            """;
    }
}
