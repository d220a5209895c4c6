using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Tests.Reporting;
using ConcurrencyChaos.Xunit;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ConcurrencyChaos.Tests.XunitIntegration;

/// <summary>
/// Every replay test the harness renders compiles as pasted (Roslyn, against the real assemblies), whatever the pattern
/// was given as, rebuilds the tree it was rendered from, and fails the way the run did.
/// </summary>
public sealed class PastedReplayTestTests
{
    private static readonly TaskTree Swallowed = new(new Group(new Leaf { OnCancel = CancelBehavior.Swallow }), CancelAfter: 0);

    [Theory]
    [InlineData("when-all")]
    [InlineData("fire-and-forget")]
    [InlineData("await-in-turn")]
    public void A_catalog_counterexample_compiles_and_fails_as_the_search_did(string pattern)
    {
        var counterexample = Chaos.Check(pattern, new ChaosOptions { Seed = 1 }).Counterexample!;
        var snippet = PastedTestCompiler.ReplayTestOf(counterexample.ToString());

        var failure = PastedTestCompiler.Run(PastedTestCompiler.Compile(PastedTestCompiler.Paste(snippet)));

        Assert.Equal(counterexample.Tree, SnippetParser.ParseTree(snippet));
        Assert.Contains($"Chaos.Run(tree, \"{pattern}\");", snippet, StringComparison.Ordinal);
        Assert.NotNull(failure);
        Assert.Contains(counterexample.Violations[0].Message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_pattern_is_called_by_its_name()
    {
        var counterexample = Chaos.Check(NaiveFanOut.RunAllAsync, new ChaosOptions { Seed = 1 }).Counterexample!;
        var snippet = PastedTestCompiler.ReplayTestOf(counterexample.ToString());

        var failure = PastedTestCompiler.Run(PastedTestCompiler.Compile(PastedTestCompiler.Paste(snippet, typeof(NaiveFanOut).Namespace!)));

        Assert.Contains("Chaos.Run(tree, NaiveFanOut.RunAllAsync);", snippet, StringComparison.Ordinal);
        Assert.NotNull(failure);
    }

    [Theory]
    [InlineData(null, "YourPattern", "The search ran a lambda")]
    [InlineData("orders", "OrdersPattern", "The search ran the pattern named \"orders\"")]
    [InlineData("fetch all / v2", "FetchAllV2Pattern", "The search ran the pattern named \"fetch all / v2\"")]
    [InlineData("chaos", "ChaosPattern", "The search ran the pattern named \"chaos\"")]
    [InlineData("42", "My42Pattern", "The search ran the pattern named \"42\"")]
    public void A_pattern_without_a_code_name_becomes_a_stub_with_a_TODO_that_compiles(string? name, string stub, string todo)
    {
        var pattern = ChaosPattern.Of(static (children, ct) => Task.WhenAll(children.Select(c => c(ct))), name);
        var snippet = Chaos.Run(Swallowed, pattern).ReplayTest();

        var failure = PastedTestCompiler.Run(PastedTestCompiler.Compile(PastedTestCompiler.Paste(snippet)));

        Assert.DoesNotContain("/* your pattern */", snippet, StringComparison.Ordinal);
        Assert.Contains($"var report = Chaos.Run(tree, {stub});", snippet, StringComparison.Ordinal);
        Assert.Contains($"static Task {stub}(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)", snippet, StringComparison.Ordinal);
        Assert.Contains($"// TODO: {todo}", snippet, StringComparison.Ordinal);
        Assert.Equal(Swallowed, SnippetParser.ParseTree(snippet));
        Assert.NotNull(failure); // the stub throws until it calls the fan-out
    }

    [Fact]
    public void Operations_get_a_RunOptions_to_fill_in_that_compiles()
    {
        var tree = new TaskTree(new Group(
            new Leaf { Operation = "charge-card", Then = LeafEnd.Fail },
            new Leaf { Operation = "quote\"op", Work = 3 }));
        var report = Chaos.Run(tree, "when-all", new RunOptions
        {
            Operations = new Dictionary<string, Func<CancellationToken, Task>>
            {
                ["charge-card"] = _ => Task.CompletedTask,
                ["quote\"op"] = _ => Task.CompletedTask,
            },
        });

        var snippet = report.ReplayTest();
        var failure = PastedTestCompiler.Run(PastedTestCompiler.Compile(PastedTestCompiler.Paste(snippet)));

        Assert.StartsWith("// using ConcurrencyChaos; using ConcurrencyChaos.Execution; using ConcurrencyChaos.Model; using Xunit;\n", snippet, StringComparison.Ordinal);
        Assert.Contains("var options = new RunOptions(); // TODO: register the operations the search ran in Operations: \"charge-card\", \"quote\\\"op\"", snippet, StringComparison.Ordinal);
        Assert.Contains("Chaos.Run(tree, \"when-all\", options);", snippet, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(failure); // until the operations are registered
    }

    [Fact]
    public void A_failing_FsCheck_property_prints_the_trees_as_CSharp_and_the_counterexample_with_a_replay_test()
    {
        var property = Prop.ForAll(ChaosArbitraries.TaskTree(), tree =>
            ChaosAssert.Holds(Chaos.Run(tree, static (children, ct) => Task.WhenAll(children.Select(c => c(ct))))));
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(200)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(11UL, 13UL), FSharpOption<int>.None)));

        var failure = Assert.ThrowsAny<Exception>(() => Check.One(config, property));
        var message = failure.ToString();

        Assert.DoesNotContain("Expected true, got false", message, StringComparison.Ordinal);
        Assert.DoesNotContain("z__ReadOnlyArray", message, StringComparison.Ordinal);
        Assert.Matches(@"Shrunk:\s*\nnew TaskTree\(new Group\(", message);
        Assert.Contains("Expected pattern 'your-pattern' to hold every invariant, but it broke", message, StringComparison.Ordinal);
        Assert.Contains("Violated:", message, StringComparison.Ordinal);
        Assert.Contains("Replay it with this xunit test:", message, StringComparison.Ordinal);
        PastedTestCompiler.Compile(PastedTestCompiler.Paste(PastedTestCompiler.ReplayTestOf(message)));
    }

    [Fact]
    public void Trees_print_as_the_CSharp_that_builds_them()
    {
        var tree = new TaskTree(new Group(new Leaf { Work = 5, Then = LeafEnd.Fail }, new Group(new Leaf()) { Pattern = "when-all" }), CancelAfter: 3, Seed: 7);

        Assert.Equal(CSharpTree.Render(tree, string.Empty), tree.ToString());
        Assert.Equal(tree, SnippetParser.ParseTree($"var tree = {tree};"));
        Assert.Equal("new Leaf { Work = 5, Then = LeafEnd.Fail }", tree.Root.Children[0].ToString());
        Assert.Equal("new Group(\n    new Leaf()) { Pattern = \"when-all\" }", tree.Root.Children[1].ToString());
    }
}
