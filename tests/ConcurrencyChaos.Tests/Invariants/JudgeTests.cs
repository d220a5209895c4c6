using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class JudgeTests
{
    [Fact]
    public void The_catalog_lists_the_eight_invariants_in_order()
    {
        Assert.Equal(["errors-observed", "no-orphans", "cancellation-propagated", "fail-fast", "terminates", "work-done", "no-crash", "assertion"], InvariantCatalog.Ids);
        Assert.All(InvariantCatalog.Ids, id => Assert.True(InvariantCatalog.Contains(id)));
        Assert.All(InvariantCatalog.Ids, id => Assert.False(string.IsNullOrWhiteSpace(InvariantCatalog.Describe(id))));
        Assert.False(InvariantCatalog.Contains("no-such-thing"));
    }

    [Fact]
    public void An_unknown_id_is_an_argument_exception_naming_it()
    {
        var tree = Tree(Succeeds(1));
        var trace = new TraceBuilder().Started("0", 0).Started("0.0", 0).Ended("0.0", 1).Ended("0", 1).Build();
        var error = Assert.Throws<ArgumentException>(() => Judge.Check(tree, trace, ["no-orphans", "no-orphan"]));
        Assert.Contains("'no-orphan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'no-such-thing'", Assert.Throws<ArgumentException>(() => InvariantCatalog.Describe("no-such-thing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_is_the_one_check_of_invariant_ids()
    {
        InvariantCatalog.Validate(InvariantCatalog.Ids, "ids");
        InvariantCatalog.Validate([], "ids");

        var error = Assert.Throws<ArgumentException>(() => InvariantCatalog.Validate(["fail-fast", "errors-lost"], "invariants"));
        Assert.Equal("invariants", error.ParamName);
        Assert.StartsWith(
            "Unknown invariant id 'errors-lost'. Known ids: errors-observed, no-orphans, cancellation-propagated, fail-fast, terminates, work-done, no-crash, assertion.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal("invariants", Assert.Throws<ArgumentException>(() => InvariantCatalog.Validate([null!], "invariants")).ParamName);
        Assert.Throws<ArgumentNullException>(() => InvariantCatalog.Validate(null!, "invariants"));
    }

    [Fact]
    public void Violations_come_in_catalog_order_and_a_selection_picks_invariants()
    {
        // when-all gone wrong: 0.0 fails, nobody cancels 0.1, the root ends after 0.0 alone and drops the error.
        var tree = Tree(Fails(10), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Ended("0", 10)
            .Build();

        var all = Judge.Check(tree, trace);
        Assert.Equal(["errors-observed", "no-orphans", "fail-fast"], all.Select(v => v.Invariant));
        Assert.Equal(
            "no-orphans: 0.1 never ended, though its group 0 ended at 10 ms",
            all[1].ToString());

        var some = Judge.Check(tree, trace, ["fail-fast", "errors-observed"]);
        Assert.Equal(["errors-observed", "fail-fast"], some.Select(v => v.Invariant));
        Assert.Empty(Judge.Check(tree, trace, []));
    }

    [Fact]
    public void A_correct_run_holds_everything()
    {
        var tree = Tree(Fails(10), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Cancelled("0.1", 10).Ended("0.1", 10, NodeOutcome.Canceled)
            .Ended("0", 10, NodeOutcome.Faulted)
            .Build();
        Assert.Equal(RunStatus.Completed, trace.Status);
        Assert.Empty(Judge.Check(tree, trace));
    }
}
