using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Tests.Invariants;
using Judged = ConcurrencyChaos.Tests.Invariants.Judging;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.RealTime;

/// <summary>
/// In real time, threads record events concurrently: a fault and its sibling's cancellation in the same real
/// millisecond can land in the trace either way round, a trace ms or two apart. Such a tie is never blamed;
/// events further apart than the tolerance are judged exactly as in a controlled run. The traces are built by
/// hand from what real runs of TaskGroup.WhenAll recorded on a loaded machine.
/// </summary>
public class RealTimeTiesTests
{
    private static readonly TaskTree FailAndWork = Tree(Succeeds(10), Fails(0, ErrorKind.TimeoutException));

    /// <summary>0.1 failed at 0 ms; its sibling's token was recorded cancelled at 1 ms, on another thread.</summary>
    private static TraceBuilder FaultThenCancelAt(long cancelled) => new TraceBuilder()
        .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
        .Fails("0.1", 0, ErrorKind.TimeoutException)
        .Cancelled("0.0", cancelled).Ended("0.0", cancelled, NodeOutcome.Canceled)
        .Ended("0", cancelled, NodeOutcome.Faulted);

    [Fact]
    public void A_sibling_cancelled_within_the_tolerance_of_the_fault_is_a_tie()
    {
        var trace = FaultThenCancelAt(1).RealTime(1).Build();
        Assert.Empty(Judged.Messages("fail-fast", FailAndWork, trace));
    }

    [Fact]
    public void The_same_trace_from_a_controlled_run_is_blamed_for_the_ms_it_lost()
    {
        var trace = FaultThenCancelAt(1).Build();
        Assert.Equal(["0.1 failed at 0 ms but its sibling 0.0 saw its token cancelled only at 1 ms"], Judged.Messages("fail-fast", FailAndWork, trace));
    }

    [Fact]
    public void A_sibling_cancelled_beyond_the_tolerance_is_blamed_in_real_time_too()
    {
        var trace = FaultThenCancelAt(5).RealTime(4).Build();
        Assert.Equal(["0.1 failed at 0 ms but its sibling 0.0 saw its token cancelled only at 5 ms"], Judged.Messages("fail-fast", FailAndWork, trace));
    }

    [Fact]
    public void A_sibling_started_in_the_instant_of_the_fault_on_another_thread_is_a_tie()
    {
        var tree = FailAndWork;
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.1", 0).Fails("0.1", 0, ErrorKind.TimeoutException)
            .Started("0.0", 1).Cancelled("0.0", 1).Ended("0.0", 1, NodeOutcome.Canceled).Ended("0", 1, NodeOutcome.Faulted)
            .RealTime(1).Build();
        Assert.Empty(Judged.Messages("fail-fast", tree, trace));
        Assert.Equal(
            ["0.0 started at 1 ms after its sibling 0.1 had failed at 0 ms"],
            Judged.Messages("fail-fast", tree, new TraceBuilder().Started("0", 0).Started("0.1", 0).Fails("0.1", 0, ErrorKind.TimeoutException)
                .Started("0.0", 1).Cancelled("0.0", 1).Ended("0.0", 1, NodeOutcome.Canceled).Ended("0", 1, NodeOutcome.Faulted).Build()));
    }

    [Fact]
    public void A_child_that_ended_in_the_instant_of_the_callers_cancel_was_not_running_then()
    {
        // Seen in a real run: the caller's cancel and the leaf's end, both at 20 ms, recorded cancel first.
        var tree = Tree(5, Succeeds(20));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .CallerCancelled(20).Ended("0.0", 20).Cancelled("0", 20).Ended("0", 20, NodeOutcome.Canceled)
            .RealTime(1).Build();
        Assert.Empty(Judged.Messages("cancellation-propagated", tree, trace));
    }

    [Fact]
    public void A_child_still_running_beyond_the_tolerance_after_the_callers_cancel_is_blamed()
    {
        var tree = Tree(5, Succeeds(40));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .CallerCancelled(20).Ended("0.0", 40).Cancelled("0", 40).Ended("0", 40, NodeOutcome.Canceled)
            .RealTime(1).Build();
        Assert.Equal(["the caller cancelled at 20 ms but 0.0, running then, never saw its token cancelled"], Judged.Messages("cancellation-propagated", tree, trace));
    }

    [Fact]
    public void A_child_ending_just_after_its_group_on_another_thread_is_not_an_orphan()
    {
        var tree = Tree(Succeeds(10));
        var tie = new TraceBuilder().Started("0", 0).Started("0.0", 0).Ended("0", 10).Ended("0.0", 11);
        Assert.Empty(Judged.Messages("no-orphans", tree, tie.RealTime(1).Build()));
        Assert.Equal(
            ["0.0 was still running when its group 0 ended at 10 ms (it ended at 11 ms)"],
            Judged.Messages("no-orphans", tree, new TraceBuilder().Started("0", 0).Started("0.0", 0).Ended("0", 10).Ended("0.0", 11).Build()));
    }

    [Fact]
    public void A_real_time_report_states_the_tolerance_it_judged_with()
    {
        var options = new RunOptions { Mode = ExecutionMode.RealTime, TimeScale = 0.25, RealTimeTolerance = TimeSpan.FromMilliseconds(2) };
        var report = Chaos.Run(Tree(Succeeds(4)), "when-all", options);

        Assert.Equal(TimeSpan.FromMilliseconds(2), report.Trace.TieTolerance);
        Assert.Contains("real time: events less than 2 ms apart are a tie, never blamed", report.ToString(), StringComparison.Ordinal);
        Assert.Null(Chaos.Run(Tree(Succeeds(4)), "when-all").Trace.TieTolerance);
        Assert.DoesNotContain("a tie", Chaos.Run(Tree(Succeeds(4)), "when-all").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_tolerance_is_refused_by_name()
    {
        var options = new RunOptions { Mode = ExecutionMode.RealTime, RealTimeTolerance = TimeSpan.FromMilliseconds(-1) };
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Chaos.Run(Tree(Succeeds(4)), "when-all", options));
        Assert.Contains("RealTimeTolerance", refused.Message, StringComparison.Ordinal);
    }
}
