using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class CancellationPropagatedTests
{
    private const string Id = "cancellation-propagated";
    private static readonly TaskTree TwoHangs = Tree(20, Hangs(), Hangs());

    private static TraceBuilder UntilCancel() => new TraceBuilder()
        .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
        .CallerCancelled(20);

    [Fact]
    public void Holds_when_every_running_node_sees_the_cancel_in_that_instant()
    {
        var trace = UntilCancel()
            .Cancelled("0.0", 20).Cancelled("0.1", 20)
            .Ended("0.0", 20, NodeOutcome.Canceled).Ended("0.1", 20, NodeOutcome.Canceled)
            .Ended("0", 20, NodeOutcome.Canceled)
            .Build();
        Assert.Empty(Judging.Messages(Id, TwoHangs, trace));
    }

    [Fact]
    public void Holds_without_a_caller_cancel()
    {
        var trace = new TraceBuilder().Started("0", 0).Started("0.0", 0).Started("0.1", 0).Build();
        Assert.Empty(Judging.Messages(Id, Tree(Hangs(), Hangs()), trace));
    }

    [Fact]
    public void A_running_node_that_never_saw_the_cancel_is_named()
    {
        var trace = UntilCancel()
            .Cancelled("0.0", 20).Ended("0.0", 20, NodeOutcome.Canceled)
            .Build();
        Assert.Equal(["the caller cancelled at 20 ms but 0.1, running then, never saw its token cancelled"], Judging.Messages(Id, TwoHangs, trace));
    }

    [Fact]
    public void A_node_that_saw_the_cancel_late_is_named_with_when()
    {
        var trace = UntilCancel()
            .Cancelled("0.0", 20).Ended("0.0", 20, NodeOutcome.Canceled)
            .Cancelled("0.1", 45).Ended("0.1", 45, NodeOutcome.Canceled)
            .Ended("0", 45, NodeOutcome.Canceled)
            .Build();
        Assert.Equal(["the caller cancelled at 20 ms but 0.1, running then, saw its token cancelled only at 45 ms"], Judging.Messages(Id, TwoHangs, trace));
    }

    [Fact]
    public void A_token_cancelled_earlier_is_fine_and_a_node_ended_before_the_cancel_is_not_asked()
    {
        var tree = Tree(20, Succeeds(20), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Cancelled("0.1", 5)
            .Ended("0.0", 20)
            .CallerCancelled(20)
            .Ended("0.1", 20, NodeOutcome.Canceled).Ended("0", 20, NodeOutcome.Canceled)
            .Build();
        Assert.Empty(Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_node_started_after_the_cancel_needs_a_cancelled_token()
    {
        var tree = Tree(20, Hangs(), Succeeds(10), Succeeds(10));
        var trace = UntilCancel()
            .Cancelled("0.0", 20).Cancelled("0.1", 20)
            .Ended("0.0", 20, NodeOutcome.Canceled).Ended("0.1", 20, NodeOutcome.Canceled)
            .Started("0.2", 25).Ended("0.2", 35)
            .Ended("0", 35, NodeOutcome.Canceled)
            .Build();
        Assert.Equal(
            ["0.2 started at 25 ms, after the caller cancelled at 20 ms, with a token that was not cancelled"],
            Judging.Messages(Id, tree, trace));

        var correct = UntilCancel()
            .Cancelled("0.0", 20).Cancelled("0.1", 20)
            .Ended("0.0", 20, NodeOutcome.Canceled).Ended("0.1", 20, NodeOutcome.Canceled)
            .Started("0.2", 25).Cancelled("0.2", 25).Ended("0.2", 25, NodeOutcome.Canceled)
            .Ended("0", 25, NodeOutcome.Canceled)
            .Build();
        Assert.Empty(Judging.Messages(Id, tree, correct));
    }

    [Fact]
    public void The_root_must_not_end_successfully_after_the_cancel()
    {
        var tree = Tree(20, Succeeds(30));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .CallerCancelled(20).Cancelled("0.0", 20)
            .Ended("0.0", 30).Ended("0", 30)
            .Build();
        Assert.Equal(["the caller cancelled at 20 ms but the root still ended successfully at 30 ms"], Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void The_root_may_end_successfully_before_the_cancel_in_the_same_instant()
    {
        var tree = Tree(20, Succeeds(20));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Ended("0.0", 20).Ended("0", 20)
            .CallerCancelled(20)
            .Build();
        Assert.Empty(Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void The_finding_names_the_node_the_callers_cancel_and_how_it_was_missed()
    {
        var trace = UntilCancel()
            .Cancelled("0.0", 20).Ended("0.0", 20, NodeOutcome.Canceled)
            .Build();
        var missed = Assert.Single(Judging.Findings<CancellationFinding>(Id, TwoHangs, trace));
        Assert.Equal(("0.1", 20L, CancellationLapse.NeverCancelled), (missed.NodeId, missed.CallerCancelled.Time, missed.Lapse));
    }
}
