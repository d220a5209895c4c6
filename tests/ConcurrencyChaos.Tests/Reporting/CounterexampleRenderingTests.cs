using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Reporting;
using ConcurrencyChaos.Scenarios;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Reporting;

/// <summary>The rendered counterexample has everything a person needs, and its test and scenario rebuild the tree.</summary>
public sealed class CounterexampleRenderingTests
{
    public static TheoryData<string> BrokenPatterns => [.. PatternCatalog.All.Where(p => p.Id != "task-group" && p.RunsControlled).Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(BrokenPatterns))]
    public void The_rendering_has_the_tree_violations_seed_test_and_scenario(string pattern)
    {
        var counterexample = Chaos.Check(pattern, new ChaosOptions { Seed = 3 }).Counterexample!;
        var text = counterexample.ToString();

        foreach (var entry in counterexample.Tree.Entries())
        {
            Assert.Matches($"(?m)^[│├└─ ]*{System.Text.RegularExpressions.Regex.Escape(entry.Id)} (group|leaf)", text);
        }

        foreach (var violation in counterexample.Violations)
        {
            Assert.Contains($"{violation.Invariant}: {violation.Message}", text, StringComparison.Ordinal);
        }

        Assert.Contains($"pattern '{pattern}' broke", text, StringComparison.Ordinal);
        Assert.Contains("Search seed 3", text, StringComparison.Ordinal);
        Assert.Contains($"scheduler seed {counterexample.Tree.Seed}", text, StringComparison.Ordinal);
        Assert.Contains("[Fact]", text, StringComparison.Ordinal);
        Assert.Contains($"Chaos.Run(tree, \"{pattern}\")", text, StringComparison.Ordinal);
        Assert.Contains(counterexample.ScenarioJson, text, StringComparison.Ordinal);
        Assert.Contains("replayed: same trace", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenPatterns))]
    public void The_xunit_snippet_and_the_scenario_rebuild_the_same_tree(string pattern)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var counterexample = Chaos.Check(pattern, new ChaosOptions { Seed = seed }).Counterexample!;
            var snippet = CounterexampleText.XunitTest(ReportInputs.Of(counterexample));
            Assert.Equal(counterexample.Tree, SnippetParser.ParseTree(snippet));

            var scenario = ScenarioReader.Parse(counterexample.ScenarioJson, "counterexample", Chaos.Vocabulary);
            Assert.Equal(counterexample.Tree, scenario.Tree);
            Assert.Empty(scenario.Expect[pattern]); // a kept counterexample expects the pattern to hold...
            Assert.Equal(counterexample.Violations.Select(v => v.Invariant).Distinct(), scenario.Found[pattern]); // ...and records what it broke
        }
    }

    public static Arbitrary<TaskTree> Trees() => Arb.From(
        from tree in ChaosTrees.Arbitrary().Generator
        from pattern in Gen.Elements<string?>(null, null, "when-all", "supervisor")
        select tree with
        {
            // Some roots get a named pattern, so the Pattern initialiser is rendered and read back too.
            Root = tree.Root with { Pattern = pattern },
        });

    [Property(Arbitrary = [typeof(CounterexampleRenderingTests)], MaxTest = 500)]
    public Property CSharpTree_round_trips_every_generated_tree(TaskTree tree)
    {
        var code = $"var tree = {CSharpTree.Render(tree, "    ")};";
        var parsed = SnippetParser.ParseTree(code);

        // CSharpTree omits error kinds a leaf never throws: compare after clearing those on both sides.
        return (Normalise(parsed) == Normalise(tree)).Label(code);
    }

    [Fact]
    public void The_snippet_reader_is_strict()
    {
        var tree = new TaskTree(new Group(new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException }), CancelAfter: 5, Seed: 7);
        Assert.Equal(tree, SnippetParser.ParseTree($"var tree = {CSharpTree.Render(tree, "")};"));
        Assert.Throws<FormatException>(() => SnippetParser.ParseTree("var tree = new TaskTree(new Group(new Leaf { Wrok = 1 }), Seed: 0);"));
        Assert.NotEqual(tree, SnippetParser.ParseTree($"var tree = {CSharpTree.Render(tree with { Seed = 8 }, "")};"));
    }

    private static TaskTree Normalise(TaskTree tree) => tree with { Root = (Group)Normalise(tree.Root) };

    private static TreeNode Normalise(TreeNode node) => node switch
    {
        Leaf l => l with
        {
            Error = l.Then is LeafEnd.Fail or LeafEnd.ThrowSync ? l.Error : ErrorKind.InvalidOperationException,
            CleanupError = l.OnCancel == CancelBehavior.Fail ? l.CleanupError : ErrorKind.InvalidOperationException,
        },
        Group g => g with { Children = [.. g.Children.Select(Normalise)] },
        _ => node,
    };
}
