using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// Your own invariants: one <see cref="ChaosInvariant"/> class each, registered in the options, judged after every run
/// next to the built-in ones, and selected, shrunk, reported and kept in scenario files by their id like them.
/// </summary>
public class CustomInvariantTests
{
    private static readonly EveryChildCompletedInvariant EveryChildCompleted = new();

    [Fact]
    public void A_search_finds_and_shrinks_a_counterexample_to_a_custom_invariant()
    {
        var result = Chaos.Check("fire-and-forget", new ChaosOptions { Seed = 1, CustomInvariants = [EveryChildCompleted], Invariants = ["every-child-completed"] });

        var found = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.Equal("every-child-completed", Assert.Single(found.Violations).Invariant);
        Assert.Equal(2, found.NodeCount);
        Assert.Matches("^the root succeeded though 0.0 ended (Faulted|Canceled)$", found.Violations[0].Message);
        Assert.Contains("\"every-child-completed\"", found.ScenarioJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_may_expect_a_custom_invariant_by_id_and_it_is_judged_after_the_built_in_ones()
    {
        const string Json = """
            { "name": "fire-and-forget-forgets", "tree": { "children": [ { "work": 10, "then": "fail" } ] },
              "expect": { "fire-and-forget": [ "errors-observed", "no-orphans", "every-child-completed" ], "task-group": [] } }
            """;
        var vocabulary = Chaos.Vocabulary.WithInvariants(EveryChildCompleted.Id);
        var scenario = ScenarioReader.Parse(Json, "fire-and-forget-forgets.json", vocabulary);

        var outcomes = Chaos.Verify(scenario, new ScenarioOptions { CustomInvariants = [EveryChildCompleted] });

        Assert.All(outcomes, outcome => Assert.True(outcome.Met, outcome.Describe()));
        Assert.Equal(
            ["errors-observed", "no-orphans", "every-child-completed"],
            outcomes.Single(o => o.PatternId == "fire-and-forget").Report.Violations.Select(v => v.Invariant));
    }

    [Fact]
    public void An_unknown_id_is_named_with_the_custom_ones_among_the_known()
    {
        var error = Assert.Throws<ArgumentException>(() => Chaos.Check("when-all", new ChaosOptions { CustomInvariants = [EveryChildCompleted], Invariants = ["every-child-complete"] }));
        Assert.Equal(nameof(ChaosOptions.Invariants), error.ParamName);
        Assert.Contains("'every-child-complete'", error.Message, StringComparison.Ordinal);
        Assert.Contains(", every-child-completed.", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<ChaosInvariant, string> Malformed => new()
    {
        { new Rule("Every Child", "Bad id."), "not kebab-case" },
        { new Rule("no-orphans", "Takes a built-in id."), "is a built-in invariant's" },
        { new Rule("quiet", " "), "has no summary" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_custom_invariant_is_refused_before_anything_runs(ChaosInvariant rule, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => Chaos.Check("when-all", new ChaosOptions { CustomInvariants = [rule] }));
        Assert.Equal(nameof(ChaosOptions.CustomInvariants), error.ParamName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_invariants_may_not_share_an_id()
    {
        var error = Assert.Throws<ArgumentException>(() => Chaos.Check("when-all", new ChaosOptions { CustomInvariants = [EveryChildCompleted, new EveryChildCompletedInvariant()] }));
        Assert.Contains("another invariant has", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvariantCatalog_Validate_checks_custom_invariants_and_ids_as_a_search_does()
    {
        InvariantCatalog.Validate(["no-orphans", "every-child-completed"], [EveryChildCompleted], "ids");

        var unknown = Assert.Throws<ArgumentException>(() => InvariantCatalog.Validate(["every-child-completed"], [], "ids"));
        var malformed = Assert.Throws<ArgumentException>(() => InvariantCatalog.Validate([], [new Rule("no-orphans", "Takes a built-in id.")], "ids"));

        Assert.Equal("ids", unknown.ParamName);
        Assert.Contains("'every-child-completed'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("is a built-in invariant's", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invariant_that_throws_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Chaos.Check("when-all", new ChaosOptions { CustomInvariants = [new Rule("throws", "Throws.", _ => throw new FormatException("bad"))] }));
        Assert.StartsWith("The invariant 'throws'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAssembly_finds_every_public_concrete_invariant_with_a_parameterless_constructor()
    {
        var found = ChaosInvariant.FromAssembly(typeof(CustomInvariantTests).Assembly);

        Assert.Equal(["every-child-completed"], found.Select(i => i.Id));
    }

    [Fact]
    public void The_run_view_shows_the_tree_each_nodes_outcome_and_what_the_root_gave()
    {
        var tree = Tree(Fails(10), Succeeds(20));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException).Ended("0.1", 20).Ended("0", 20, NodeOutcome.Faulted)
            .Build();

        var run = new RunView(tree, trace);

        Assert.Equal(["0", "0.0", "0.1"], run.Nodes.Select(n => n.Id));
        Assert.Equal((NodeOutcome.Faulted, NodeOutcome.RanToCompletion), (run.OutcomeOf("0.0")!.Value, run.OutcomeOf("0.1")!.Value));
        Assert.Equal(NodeOutcome.Faulted, run.Root.Outcome);
        Assert.Equal("0.0", Assert.Single(run.Root.ObservedErrors).NodeId);
        Assert.False(run.CallerCancelled);
        Assert.Null(run.OutcomeOf("0.7"));
    }

    /// <summary>A rule made on the spot (not public, so <see cref="ChaosInvariant.FromAssembly"/> does not find it).</summary>
    internal sealed class Rule(string id, string summary, Func<RunView, IEnumerable<string>>? check = null) : ChaosInvariant
    {
        public override string Id => id;

        public override string Summary => summary;

        public override IEnumerable<string> Check(RunView run) => check?.Invoke(run) ?? [];
    }
}
