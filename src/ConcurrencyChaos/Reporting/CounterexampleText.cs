using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// The counterexample as a person reads it: what broke in plain words, the minimal tree with what
/// each node did, the seed to find it again, and an xunit test to paste that replays it.
/// </summary>
internal static partial class CounterexampleText
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

    public static string XunitTest(ReportedCounterexample counterexample) => XunitTest(
        counterexample.Tree,
        counterexample.PatternName,
        counterexample.Pattern,
        string.Create(CultureInfo.InvariantCulture, $"{Names.Identifier(counterexample.PatternName)}_holds_on_chaos_seed_{counterexample.Seed}"));

    /// <summary>
    /// An xunit test that runs <paramref name="tree"/> under the pattern and asserts it holds, which compiles as pasted
    /// into a test class with the usings its first line names: a catalog id is a string, a <c>Type.Method</c> name a
    /// method group, and any other name (a lambda's <c>your-pattern</c>, or a name given to <c>ChaosPattern.Of</c>) a
    /// local function stub with a TODO to call the pattern from; leaves that run operations get a TODO RunOptions.
    /// </summary>
    public static string XunitTest(TaskTree tree, string patternName, PatternKind kind, string testName)
    {
        var operations = tree.Entries().Select(e => e.Node).OfType<Leaf>().Select(l => l.Operation).OfType<string>().Distinct().ToList();
        var usings = operations.Count > 0
            ? "using ConcurrencyChaos; using ConcurrencyChaos.Execution; using ConcurrencyChaos.Model; using Xunit;"
            : "using ConcurrencyChaos; using ConcurrencyChaos.Model; using Xunit;";
        var stub = kind == PatternKind.CatalogId || (kind == PatternKind.Delegate && IsCodeName(patternName)) ? null : StubName(patternName);
        var pattern = stub ?? (kind == PatternKind.CatalogId ? $"\"{patternName}\"" : patternName);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            // {{usings}}
            [Fact]
            public void {{testName}}()
            {
                var tree = {{CSharpTree.Render(tree, "    ")}};

            """);
        if (operations.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"    var options = new RunOptions(); // TODO: register the operations the search ran in Operations: {string.Join(", ", operations.Select(CSharpTree.Literal))}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    var report = Chaos.Run(tree, {pattern}{(operations.Count > 0 ? ", options" : "")});\n");
        text.Append("    Assert.True(report.Passed, report.ToString());\n");
        if (stub is not null)
        {
            var what = kind == PatternKind.Lambda
                ? "The search ran a lambda, which has no name to call here: call your fan-out from this stub\n    // (or name the pattern next time, ChaosPattern.Of(lambda, \"MyFanOut.RunAllAsync\"), and the test calls it)."
                : $"The search ran the pattern named {CSharpTree.Literal(patternName)}: call it from this stub.";
            text.Append(CultureInfo.InvariantCulture, $$"""

                    // TODO: {{what}}
                    static Task {{stub}}(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
                        throw new NotImplementedException("TODO: call the fan-out the search ran");

                """);
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Whether <paramref name="name"/> reads as C# code: <c>Type.Method</c> (dotted identifiers), as a method's default name is.</summary>
    private static bool IsCodeName(string name) => CodeName().IsMatch(name);

    /// <summary>A local function name for the stub of a pattern known only by <paramref name="name"/>: "your-pattern" → YourPattern, "orders" → OrdersPattern.</summary>
    private static string StubName(string name)
    {
        var pascal = string.Concat(Names.Slug(name).Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        if (pascal.Length == 0 || !char.IsAsciiLetter(pascal[0]))
        {
            pascal = "My" + pascal;
        }

        return pascal.EndsWith("Pattern", StringComparison.Ordinal) ? pascal : pascal + "Pattern";
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex CodeName();
}
