using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class ErrorsObservedTests
{
    private const string Id = "errors-observed";
    private static readonly TaskTree TwoFailures = Tree(Fails(10, ErrorKind.IOException), Fails(10, ErrorKind.TimeoutException));
    private static readonly InjectedError Io = new("0.0", ErrorKind.IOException, ErrorOrigin.Fail);
    private static readonly InjectedError Timeout = new("0.1", ErrorKind.TimeoutException, ErrorOrigin.Fail);

    private static TraceBuilder BothFail() => new TraceBuilder()
        .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
        .Fails("0.0", 10, ErrorKind.IOException)
        .Cancelled("0.1", 10)
        .Fails("0.1", 10, ErrorKind.TimeoutException)
        .Ended("0", 10, NodeOutcome.Faulted);

    [Fact]
    public void Holds_when_the_caller_saw_every_error()
    {
        Assert.Empty(Judging.Messages(Id, TwoFailures, BothFail().Build([Io, Timeout])));
    }

    [Fact]
    public void An_error_await_dropped_is_named_with_what_the_caller_saw()
    {
        Assert.Equal(
            ["TimeoutException thrown by 0.1 at 10 ms never reached the caller, which saw IOException from 0.0"],
            Judging.Messages(Id, TwoFailures, BothFail().Build([Io])));
    }

    [Fact]
    public void Several_observed_errors_are_listed()
    {
        var tree = Tree(Fails(10, ErrorKind.IOException), Fails(10, ErrorKind.TimeoutException), Fails(20, ErrorKind.ArgumentException));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.2", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Fails("0.1", 10, ErrorKind.TimeoutException)
            .Fails("0.2", 20, ErrorKind.ArgumentException)
            .Ended("0", 20, NodeOutcome.Faulted)
            .Build([Io, Timeout]);
        Assert.Equal(
            ["ArgumentException thrown by 0.2 at 20 ms never reached the caller, which saw IOException from 0.0 and TimeoutException from 0.1"],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_swallowed_error_says_the_caller_saw_no_error()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Fails("0.1", 10, ErrorKind.TimeoutException)
            .Ended("0", 10)
            .Build();
        Assert.Equal(
            [
                "IOException thrown by 0.0 at 10 ms never reached the caller, which saw no error",
                "TimeoutException thrown by 0.1 at 10 ms never reached the caller, which saw no error",
            ],
            Judging.Messages(Id, TwoFailures, trace));
    }

    [Fact]
    public void An_error_hidden_behind_cancellation_says_the_caller_saw_the_root_canceled()
    {
        var tree = Tree(30, Fails(10));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .CallerCancelled(30)
            .Ended("0", 30, NodeOutcome.Canceled)
            .Build();
        Assert.Equal(
            ["IOException thrown by 0.0 at 10 ms never reached the caller, which saw the root canceled"],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void An_error_thrown_after_the_root_ended_is_named_as_such()
    {
        var tree = Tree(Succeeds(10), Succeeds(10), Fails(30));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.2", 0)
            .Ended("0.0", 10).Ended("0.1", 10)
            .Ended("0", 10)
            .Fails("0.2", 30, ErrorKind.IOException)
            .Build();
        Assert.Equal(
            ["IOException thrown by 0.2 at 30 ms, after the caller's await ended at 10 ms, never reached it"],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void Is_not_judged_when_the_root_never_ended()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Build();
        Assert.Empty(Judging.Messages(Id, TwoFailures, trace));
    }

    [Fact]
    public void Compares_errors_by_identity_not_by_type()
    {
        // The caller saw an IOException, but the one from 0.1, not the one 0.0 threw.
        var tree = Tree(Fails(10), Fails(10));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Fails("0.0", 10, ErrorKind.IOException)
            .Fails("0.1", 10, ErrorKind.IOException)
            .Ended("0", 10, NodeOutcome.Faulted)
            .Build([new InjectedError("0.1", ErrorKind.IOException, ErrorOrigin.Fail)]);
        Assert.Equal(
            ["IOException thrown by 0.0 at 10 ms never reached the caller, which saw IOException from 0.1"],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void The_finding_names_the_node_the_error_and_the_throw()
    {
        var lost = Assert.Single(Judging.Findings<LostErrorFinding>(Id, TwoFailures, BothFail().Build([Io])));
        Assert.Equal(("0.1", Timeout, 10L, false), (lost.NodeId, lost.Error, lost.Threw.Time, lost.AfterRootEnded));
    }
}
