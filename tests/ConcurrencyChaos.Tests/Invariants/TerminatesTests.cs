using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class TerminatesTests
{
    private const string Id = "terminates";

    // Ideal semantics finish it: 0.0's fault cancels the hanging siblings.
    private static readonly TaskTree Rescuable = Tree(Fails(10), new Group(Hangs()), Hangs());

    private static TraceBuilder Stalled() => new TraceBuilder()
        .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.1.0", 0).Started("0.2", 0)
        .Fails("0.0", 10, ErrorKind.IOException);

    [Fact]
    public void Holds_when_the_root_ended()
    {
        var trace = Stalled()
            .Cancelled("0.1", 10).Cancelled("0.1.0", 10).Cancelled("0.2", 10)
            .Ended("0.1.0", 10, NodeOutcome.Canceled).Ended("0.1", 10, NodeOutcome.Canceled).Ended("0.2", 10, NodeOutcome.Canceled)
            .Ended("0", 10, NodeOutcome.Faulted)
            .Build();
        Assert.Empty(Judging.Messages(Id, Rescuable, trace));
    }

    [Theory]
    [InlineData(RunStatus.Deadlocked, "with nothing left to run")]
    [InlineData(RunStatus.StepBudgetExhausted, "when the step budget ran out")]
    [InlineData(RunStatus.BlockedThread, "when the runtime thread was blocked")]
    [InlineData(RunStatus.Stuck, "when the runtime thread stopped making progress")]
    public void A_root_that_never_ended_names_the_waiting_nodes_leaves_first(RunStatus status, string why)
    {
        var trace = Stalled().Build(status: status, endTime: 60000);
        Assert.Equal([$"the root never ended: 0.1.0, 0.2 and 0.1 were still waiting at 60000 ms {why}"], Judging.Messages(Id, Rescuable, trace));
    }

    [Fact]
    public void A_time_budget_that_ran_out_is_told_apart_from_the_last_thing_that_happened()
    {
        var trace = Stalled().Build(status: RunStatus.TimeBudgetExhausted, endTime: 60000);
        Assert.Equal(
            ["the root never ended: 0.1.0, 0.2 and 0.1 were still waiting when the time budget ran out at 60000 ms (nothing happened after 10 ms)"],
            Judging.Messages(Id, Rescuable, trace));

        // The runtime stops before jumping to a timer past the budget: its end time is the last event's.
        var atLast = Stalled().Build(status: RunStatus.TimeBudgetExhausted, endTime: 10);
        Assert.Equal(
            ["the root never ended: 0.1.0, 0.2 and 0.1 were still waiting when the time budget ran out (nothing happened after 10 ms, and nothing was due before the budget)"],
            Judging.Messages(Id, Rescuable, atLast));
    }

    [Fact]
    public void A_single_waiting_node_reads_in_the_singular()
    {
        var tree = Tree(Fails(10), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Build(status: RunStatus.Deadlocked, endTime: 60000);
        Assert.Equal(["the root never ended: 0.1 was still waiting at 60000 ms with nothing left to run"], Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void Two_waiting_leaves_read_with_and()
    {
        var tree = Tree(Succeeds(10), Hangs(), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.2", 0)
            .Ended("0.0", 10)
            .Build(status: RunStatus.Deadlocked, endTime: 60000);

        // Nobody would cancel these hangs, so ideal semantics never finish either: not the pattern's fault.
        Assert.Empty(Judging.Messages(Id, tree, trace));

        var cancelled = tree with { CancelAfter = 50 };
        Assert.Equal(
            ["the root never ended: 0.1 and 0.2 were still waiting at 60000 ms with nothing left to run"],
            Judging.Messages(Id, cancelled, trace));
    }

    [Fact]
    public void A_sibling_started_before_a_synchronous_fault_and_hung_on_the_callers_token_is_not_the_patterns_fault()
    {
        // In order, 0.0's synchronous fault keeps 0.1 from starting; a pattern that starts its children concurrently
        // (Task.Run per child) may start 0.1 first, and then only the caller, who never cancels, could end it.
        var tree = Tree(Fails(0), new Leaf { Then = LeafEnd.Hang, OuterToken = 1 });
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.1", 0).Started("0.0", 0)
            .Fails("0.0", 0, ErrorKind.IOException).Cancelled("0.1", 0)
            .Build(status: RunStatus.Deadlocked, endTime: 0);
        Assert.Empty(Judging.Messages(Id, tree, trace));

        // Waiting on its own token instead, the sibling would have ended: blamed.
        var own = Tree(Fails(0), Hangs());
        Assert.Equal(["the root never ended: 0.1 was still waiting at 0 ms with nothing left to run"], Judging.Messages(Id, own, trace));
    }

    [Fact]
    public void The_finding_is_about_the_root_and_names_the_waiting_nodes()
    {
        var trace = Stalled().Build(status: RunStatus.Deadlocked, endTime: 60000);
        var stalled = Assert.Single(Judging.Findings<NonTerminationFinding>(Id, Rescuable, trace));
        Assert.Equal(TaskTree.RootId, stalled.NodeId);
        Assert.Equal(["0.1.0", "0.2", "0.1"], stalled.Waiting);
        Assert.Equal((RunStatus.Deadlocked, 60000L), (stalled.Status, stalled.EndTime));
    }
}
