using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class FailFastTests
{
    private const string Id = "fail-fast";
    private static readonly TaskTree FailAndHang = Tree(Fails(10), Hangs());

    private static TraceBuilder UntilFault() => new TraceBuilder()
        .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
        .Fails("0.0", 10, ErrorKind.IOException);

    [Fact]
    public void Holds_when_running_siblings_are_cancelled_in_the_same_instant()
    {
        var trace = UntilFault()
            .Cancelled("0.1", 10).Ended("0.1", 10, NodeOutcome.Canceled)
            .Ended("0", 10, NodeOutcome.Faulted)
            .Build();
        Assert.Empty(Judging.Messages(Id, FailAndHang, trace));
    }

    [Fact]
    public void A_sibling_left_running_with_its_token_not_cancelled_is_named()
    {
        var trace = UntilFault().Build();
        Assert.Equal(["0.0 failed at 10 ms but its sibling 0.1 kept running with its token not cancelled"], Judging.Messages(Id, FailAndHang, trace));
    }

    [Fact]
    public void A_sibling_that_ended_in_the_instant_of_the_fault_is_not_said_to_have_kept_running()
    {
        // 0.1 succeeds at 10, just after 0.0's fault in that same instant, without its token cancelled.
        var tree = Tree(Fails(10), Succeeds(10));
        var trace = UntilFault().Ended("0.1", 10).Ended("0", 10, NodeOutcome.Faulted).Build();
        Assert.Equal(
            ["0.0 failed at 10 ms but its sibling 0.1, still running in that instant, never saw its token cancelled (it ended at 10 ms)"],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_sibling_cancelled_late_is_named_with_when()
    {
        var trace = UntilFault()
            .Cancelled("0.1", 40).Ended("0.1", 40, NodeOutcome.Canceled)
            .Ended("0", 40, NodeOutcome.Faulted)
            .Build();
        Assert.Equal(["0.0 failed at 10 ms but its sibling 0.1 saw its token cancelled only at 40 ms"], Judging.Messages(Id, FailAndHang, trace));
    }

    [Fact]
    public void A_sibling_started_after_the_fault_is_named()
    {
        var tree = Tree(Fails(10), Succeeds(10), Succeeds(5));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Cancelled("0.1", 10).Ended("0.1", 10, NodeOutcome.Canceled)
            .Started("0.2", 15).Cancelled("0.2", 15).Ended("0.2", 15, NodeOutcome.Canceled)
            .Ended("0", 15, NodeOutcome.Faulted)
            .Build();
        Assert.Equal(["0.2 started at 15 ms after its sibling 0.0 had failed at 10 ms"], Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void Each_sibling_is_reported_once_for_the_earliest_fault()
    {
        var tree = Tree(Fails(10), Fails(20), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.2", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Fails("0.1", 20, ErrorKind.TimeoutException)
            .Build();
        Assert.Equal(
            [
                "0.0 failed at 10 ms but its sibling 0.1 kept running with its token not cancelled",
                "0.0 failed at 10 ms but its sibling 0.2 kept running with its token not cancelled",
            ],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_sibling_that_ended_before_the_fault_or_a_cousin_is_not_asked()
    {
        var tree = Tree(Succeeds(5), new Group(Fails(10), Hangs()), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.1.0", 0).Started("0.1.1", 0).Started("0.2", 0)
            .Ended("0.0", 5)
            .Fails("0.1.0", 10, ErrorKind.IOException)
            .Cancelled("0.1.1", 10).Ended("0.1.1", 10, NodeOutcome.Canceled)
            .Ended("0.1", 10, NodeOutcome.Faulted)
            .Cancelled("0.2", 10).Ended("0.2", 10, NodeOutcome.Canceled)
            .Ended("0", 10, NodeOutcome.Faulted)
            .Build();
        Assert.Empty(Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_nested_group_that_faults_must_cancel_its_own_siblings()
    {
        var tree = Tree(new Group(Fails(10)), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.0.0", 0).Started("0.1", 0)
            .Fails("0.0.0", 10, ErrorKind.IOException)
            .Ended("0.0", 10, NodeOutcome.Faulted)
            .Build();
        Assert.Equal(["0.0 failed at 10 ms but its sibling 0.1 kept running with its token not cancelled"], Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void The_finding_names_the_sibling_the_fault_that_caught_it_and_how()
    {
        var trace = UntilFault()
            .Cancelled("0.1", 40).Ended("0.1", 40, NodeOutcome.Canceled)
            .Ended("0", 40, NodeOutcome.Faulted)
            .Build();
        var late = Assert.Single(Judging.Findings<FailFastFinding>(Id, FailAndHang, trace));
        Assert.Equal(("0.1", "0.0", FailFastLapse.CancelledLate, 40L), (late.NodeId, late.Fault.NodeId, late.Lapse, late.TokenCancelled?.Time));
    }
}
