using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Patterns;

/// <summary>
/// The catalog entries that stand for real library code (Polly v8, channels, Task.WhenEach): each
/// shows its characteristic violations on a hand-built tree, and a seeded search catches it.
/// </summary>
public sealed class RealCodePatternTests
{
    private static readonly RunOptions RealTime = new() { Mode = ExecutionMode.RealTime };

    private static Leaf Ok(int work) => new() { Work = work };

    private static Leaf Fail(int work, ErrorKind error = ErrorKind.IOException) => new() { Work = work, Then = LeafEnd.Fail, Error = error };

    private static TaskTree Tree(params TreeNode[] children) => new(new Group(children));

    private static string[] Broken(RunReport report) => [.. report.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal)];

    private static RunReport Controlled(TaskTree tree, string pattern)
    {
        // No same-instant ties in these trees: every scheduler seed gives the same verdict, and no escape.
        var reports = new[] { 0, 1, 2 }.Select(seed => Chaos.Run(tree with { Seed = seed }, pattern)).ToList();
        Assert.All(reports, r => Assert.Equal(Broken(reports[0]), Broken(r)));
        Assert.All(reports, r => Assert.Empty(r.Trace.Diagnostics));
        return reports[0];
    }

    private static void AssertCaught(ChaosResult result)
    {
        Assert.False(result.Passed, result.ToString());
        var found = result.Counterexample!;
        Assert.NotEmpty(found.Violations);
        Assert.True(found.NodeCount <= found.OriginalNodeCount, result.ToString());
    }

    [Fact]
    public void Polly_timeout_waits_for_a_child_that_ignores_its_token_and_loses_the_second_error()
    {
        // 0.0 ignores its token and works 60 ms, twice the 30 ms timeout; 0.1 and 0.2 fail in time.
        var tree = Tree(new Leaf { Work = 60, OnCancel = CancelBehavior.Ignore }, Fail(10), Fail(20, ErrorKind.TimeoutException));
        var report = Controlled(tree, "polly-timeout");

        Assert.Equal(["errors-observed", "fail-fast"], Broken(report));
        // Polly v8's timeout cancels the token, then still awaits the callback: nothing is walked away from.
        Assert.Equal(60L, report.Trace.Node("0.0").Ended!.Time);
        Assert.Equal(30L, report.Trace.Node("0.0").TokenCancelled!.Time);
        Assert.Equal(60L, report.Trace.Node("0").Ended!.Time);
        Assert.Equal(NodeOutcome.RanToCompletion, report.Trace.Node("0.0").Ended!.Outcome);
        Assert.Equal([new InjectedError("0.1", ErrorKind.IOException, ErrorOrigin.Fail)], report.Trace.Root.ObservedErrors);
    }

    [Fact]
    public void Polly_timeout_turns_a_timed_out_child_into_a_TimeoutRejectedException()
    {
        var report = Controlled(Tree(new Leaf { Then = LeafEnd.Hang }, Ok(10)), "polly-timeout");

        Assert.Empty(report.Violations);
        Assert.Equal(30L, report.Trace.Node("0.0").TokenCancelled!.Time);
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Node("0.0").Ended!.Outcome);
        Assert.Equal(NodeOutcome.Faulted, report.Trace.Root.Outcome);
        Assert.Equal("TimeoutRejectedException", report.Trace.Root.Exception);
    }

    [Fact]
    public void Polly_timeout_passes_the_callers_cancellation_to_every_child()
    {
        var report = Controlled(new TaskTree(new Group(Ok(20), new Leaf { Then = LeafEnd.Hang }), CancelAfter: 5), "polly-timeout");

        Assert.Empty(report.Violations);
        Assert.Equal(5L, report.Trace.Node("0.0").TokenCancelled!.Time);
        Assert.Equal(5L, report.Trace.Node("0.1").TokenCancelled!.Time);
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Root.Outcome);
    }

    [Fact]
    public void Polly_retry_reruns_a_child_that_already_succeeded_and_drops_the_first_attempts_error()
    {
        var report = Controlled(Tree(Ok(5), Fail(10), Fail(20, ErrorKind.TimeoutException)), "polly-retry");

        Assert.Equal(["errors-observed", "fail-fast"], Broken(report));
        // The whole fan-out ran twice: 0.0 succeeded at 5 ms and was invoked again after the 10 ms retry delay.
        Assert.Equal(2L, report.Trace.Events.Count(e => e.NodeId == "0.0" && e.Kind == TraceEventKind.Started));
        Assert.Equal(2L, report.Trace.Events.Count(e => e.NodeId == "0.0" && e.Kind == TraceEventKind.Ended && e.Outcome == NodeOutcome.RanToCompletion));
        Assert.Equal(2L, report.Trace.Node("0.2").Threw.Count);
        Assert.Equal(50L, report.Trace.Node("0").Ended!.Time); // 20 ms, 10 ms delay, 20 ms again
        Assert.Equal([new InjectedError("0.1", ErrorKind.IOException, ErrorOrigin.Fail)], report.Trace.Root.ObservedErrors);
    }

    [Fact]
    public void Polly_retry_does_not_retry_the_callers_cancellation()
    {
        var report = Controlled(new TaskTree(new Group(Ok(20), Ok(30)), CancelAfter: 5), "polly-retry");

        Assert.Empty(report.Violations);
        Assert.Equal(1L, report.Trace.Events.Count(e => e.NodeId == "0.0" && e.Kind == TraceEventKind.Started));
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Root.Outcome);
    }

    [Fact]
    public void Polly_retry_drops_the_error_that_caused_the_retry_when_the_caller_cancels_during_the_retry_delay()
    {
        // 0.0 fails at 0 ms; the retry waits 10 ms; the caller cancels at 5 ms: the delay's cancellation is all the caller sees.
        var report = Controlled(new TaskTree(new Group(Fail(0)), CancelAfter: 5), "polly-retry");

        Assert.Equal(["errors-observed"], Broken(report));
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Root.Outcome);
        Assert.Empty(report.Trace.Root.ObservedErrors);
        Assert.Equal(1, report.Trace.Events.Count(e => e.NodeId == "0.0" && e.Kind == TraceEventKind.Started));
    }

    [Fact]
    public void Channel_worker_pool_keeps_starting_queued_children_after_a_failure_and_loses_the_second_error()
    {
        var report = Controlled(Tree(Fail(10), Ok(20), Fail(30, ErrorKind.TimeoutException)), "channel-worker-pool");

        Assert.Equal(["errors-observed", "fail-fast"], Broken(report));
        Assert.Contains(report.Violations, v => v.Message.Contains("0.2 started at 20 ms after its sibling 0.0 had failed at 10 ms", StringComparison.Ordinal));
        Assert.Equal([new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail)], report.Trace.Root.ObservedErrors);
    }

    [Fact]
    public void Channel_worker_pool_never_ends_once_every_worker_has_died_with_items_still_to_write()
    {
        // Two workers die on 0.0 and 0.1; 0.2 and 0.3 fill the channel; the producer waits forever to write 0.4.
        var report = Controlled(Tree(Fail(10), Fail(10, ErrorKind.TimeoutException), Ok(5), Ok(5), Ok(5)), "channel-worker-pool");

        Assert.Contains("terminates", Broken(report));
        Assert.Null(report.Trace.Root.Outcome);
        Assert.Null(report.Trace.Node("0.2").Started);
        Assert.Null(report.Trace.Node("0.4").Started);
    }

    [Fact]
    public void When_each_break_leaves_the_deterministic_runtime_because_Task_WhenEach_awaits_with_ConfigureAwait_false()
    {
        var report = Chaos.Run(Tree(Fail(10), Ok(20)), "when-each-break");

        Assert.Contains(report.Trace.Diagnostics, d => d.Kind == DiagnosticKind.ThreadPool);
    }

    [Fact]
    public void When_each_break_run_controlled_ends_its_loop_at_the_first_failure_as_it_does_in_real_time()
    {
        // The first failure (10 ms) makes Task.WhenEach queue its loop's continuation to the thread pool. The runtime sees
        // the item queued and waits for it before it moves virtual time, so the loop ends at 10 ms with 0.1 still running,
        // as in real time; judged without it, the run would move on to 20 ms and the loop would end after both children.
        var report = Chaos.Run(Tree(Fail(10), Ok(20)), "when-each-break");

        Assert.Equal(["fail-fast", "no-orphans"], Broken(report));
        Assert.Equal(10, report.Trace.Node("0").Ended?.Time);
        Assert.Equal(20, report.Trace.Node("0.1").Ended?.Time);
    }

    [Fact]
    public void When_each_break_abandons_the_children_still_running_at_the_first_failure_in_real_time()
    {
        // Real time (Task.WhenEach escapes the controlled runtime); events hundreds of ms apart.
        var report = Chaos.Run(Tree(Fail(100), Ok(400), Fail(600, ErrorKind.TimeoutException)), "when-each-break", RealTime);

        Assert.Equal(["errors-observed", "fail-fast", "no-orphans"], Broken(report));
        Assert.Equal(NodeOutcome.Faulted, report.Trace.Root.Outcome);
        Assert.Equal([new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail)], report.Trace.Root.ObservedErrors);
        Assert.Contains(report.Violations, v => v.Invariant == "no-orphans" && v.Message.Contains("0.1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("polly-timeout")]
    [InlineData("polly-retry")]
    [InlineData("channel-worker-pool")]
    public void A_seeded_search_catches_and_shrinks_it(string pattern)
    {
        var result = Chaos.Check(pattern, new ChaosOptions { Seed = 1 });

        AssertCaught(result);
        Assert.True(result.Counterexample!.IsDeterministic);
        Assert.Empty(result.Counterexample.Trace.Diagnostics);
        Assert.Equal(result.Counterexample.ScenarioJson, Chaos.Check(pattern, new ChaosOptions { Seed = 1 }).Counterexample!.ScenarioJson);
    }

    [Fact]
    public void A_seeded_real_time_search_catches_when_each_break()
    {
        var result = Chaos.Check("when-each-break", new ChaosOptions { Seed = 1, MaxShrinkRuns = 100, Run = RealTime });

        AssertCaught(result);
    }
}
