using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Runtime.RuntimeHarness;

namespace ConcurrencyChaos.Tests.Runtime;

public class DeterministicRuntimeTests
{
    [Fact]
    public void Virtual_time_orders_leaves_and_records_what_await_threw()
    {
        var trace = Run(Tree(Fail(10), Fail(20, ErrorKind.TimeoutException), Ok(30)), WhenAll);

        Assert.Equal(RunStatus.Completed, trace.Status);
        Assert.Equal(NodeOutcome.Faulted, trace.Root.Outcome);
        Assert.Equal([new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail)], trace.Root.ObservedErrors);
        Assert.Equal(10, trace.Node("0.0").Ended!.Time);
        Assert.Equal(20, trace.Node("0.1").Ended!.Time);
        Assert.Equal(30, trace.Node("0").Ended!.Time);
        Assert.Equal(30, trace.EndTime);
        Assert.Empty(trace.Diagnostics);
    }

    [Fact]
    public void Same_tree_and_seed_give_the_same_trace_text()
    {
        var tree = Tree(Fail(10), Fail(10, ErrorKind.TimeoutException), new Group(Ok(10), Fail(10)), Ok(10)) with { CancelAfter = 10, Seed = 7 };
        var first = Run(tree, WhenAll).ToText();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(first, Run(tree, WhenAll).ToText());
        }
    }

    [Fact]
    public void Different_seeds_explore_different_orders_of_same_instant_events()
    {
        var tree = Tree(Fail(10), Fail(10, ErrorKind.TimeoutException), Fail(10, ErrorKind.ArgumentException));
        var firstFaults = Enumerable.Range(0, 40)
            .Select(seed => Run(tree with { Seed = seed }, WhenAll).Events.First(e => e.Kind == TraceEventKind.Threw).NodeId)
            .ToHashSet();
        Assert.Equal(["0.0", "0.1", "0.2"], firstFaults.Order());
    }

    [Fact]
    public void A_hang_nobody_cancels_ends_as_a_deadlock_naming_the_waiting_node()
    {
        var trace = Run(Tree(Ok(5), Hang()), WhenAll);

        Assert.Equal(RunStatus.Deadlocked, trace.Status);
        Assert.Null(trace.Root.Outcome);
        Assert.NotNull(trace.Node("0.1").Started);
        Assert.Null(trace.Node("0.1").Ended);
    }

    [Fact]
    public void Caller_cancellation_reaches_leaves_at_the_same_virtual_instant()
    {
        var trace = Run(Tree(Hang(), Ok(50)) with { CancelAfter = 15 }, WhenAll);

        Assert.Equal(15, trace.CallerCancelled!.Time);
        Assert.Equal(15, trace.Node("0.0").TokenCancelled!.Time);
        Assert.Equal(15, trace.Node("0.1").TokenCancelled!.Time);
        Assert.Equal(NodeOutcome.Canceled, trace.Root.Outcome);
        Assert.Equal(RunStatus.Completed, trace.Status);
    }

    [Fact]
    public void Leaf_cancel_behaviours_take_cleanup_time_and_end_as_told()
    {
        var tree = Tree(
            new Leaf { Work = 100, OnCancel = CancelBehavior.Swallow, Cleanup = 5 },
            new Leaf { Work = 100, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.HttpRequestException, Cleanup = 7 },
            new Leaf { Work = 30, OnCancel = CancelBehavior.Ignore, Then = LeafEnd.Fail }) with { CancelAfter = 10 };
        var trace = Run(tree, WhenAll);

        Assert.Equal((15L, NodeOutcome.RanToCompletion), (trace.Node("0.0").Ended!.Time, trace.Node("0.0").Ended!.Outcome!.Value));
        Assert.Equal((17L, NodeOutcome.Faulted), (trace.Node("0.1").Ended!.Time, trace.Node("0.1").Ended!.Outcome!.Value));
        Assert.Equal([new InjectedError("0.1", ErrorKind.HttpRequestException, ErrorOrigin.Cleanup)], trace.Node("0.1").Threw);
        Assert.Equal((30L, NodeOutcome.Faulted), (trace.Node("0.2").Ended!.Time, trace.Node("0.2").Ended!.Outcome!.Value));
    }

    [Fact]
    public void Orphans_are_followed_after_the_root_ends()
    {
        FanOut fireAndForget = (children, token) =>
        {
            foreach (var child in children)
            {
                _ = child(token);
            }

            return Task.CompletedTask;
        };
        var trace = Run(Tree(Ok(10), Fail(20)), fireAndForget);

        Assert.Equal(0, trace.Node("0").Ended!.Time);
        Assert.Equal(20, trace.Node("0.1").Ended!.Time);
        Assert.Equal(NodeOutcome.RanToCompletion, trace.Root.Outcome);
        Assert.Equal(RunStatus.Completed, trace.Status);
    }

    [Fact]
    public void A_pattern_that_throws_before_returning_a_task_gets_a_verdict_and_a_diagnostic()
    {
        FanOut throwsSync = (_, _) => throw new NotSupportedException("sync");
        var trace = Run(Tree(Ok(1)), throwsSync);

        Assert.Equal(NodeOutcome.Faulted, trace.Root.Outcome);
        Assert.Equal("NotSupportedException", trace.Root.Exception);
        Assert.Contains(trace.Diagnostics, d => d.Kind == DiagnosticKind.PatternError && d.NodeId == "0" && d.Message.Contains("NotSupportedException (sync)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pattern_that_throws_its_own_exception_synchronously_gets_an_error_naming_it_not_a_verdict()
    {
        FanOut throwsSync = (_, _) => throw new NotSupportedException("no children expected");

        var error = Assert.Throws<ChaosException>(() => Chaos.Run(Tree(Ok(1)), (children, ct) => throwsSync(children, ct)));
        var search = Assert.Throws<ChaosException>(() => Chaos.Check((children, ct) => throwsSync(children, ct), new ChaosOptions { Seed = 1 }));

        Assert.StartsWith("ConcurrencyChaos: the pattern of group 0 threw NotSupportedException (no children expected) before returning a Task", error.Message, StringComparison.Ordinal);
        Assert.Contains("the pattern or its setup is broken; thrown at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("No verdict is given", search.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_lets_an_injected_error_out_synchronously_gets_a_verdict()
    {
        var report = Chaos.Run(
            new TaskTree(new Group(new Leaf { Work = 5 }, new Leaf { Then = LeafEnd.ThrowSync, Error = ErrorKind.IOException })),
            (children, ct) => Task.WhenAll(children.Select(child => child(ct)).ToList())); // not async: the throw escapes the call

        Assert.Contains(report.Trace.Diagnostics, d => d.Kind == DiagnosticKind.SyncThrow && d.NodeId == "0");
        Assert.Contains(report.Violations, v => v.Invariant == "no-orphans");
    }

    [Fact]
    public void A_blocking_wait_on_the_runtime_thread_is_reported_not_hung()
    {
        Func<TimeProvider, FanOut> blocking = time => (children, token) =>
        {
            Task.Delay(TimeSpan.FromMilliseconds(10), time, token).Wait(token);
            return Task.WhenAll(children.Select(c => c(token)));
        };
        var trace = Run(Tree(Ok(1)), blocking);

        Assert.Equal(RunStatus.BlockedThread, trace.Status);
        Assert.Contains(trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait);
    }

    [Fact]
    public void GetResult_on_unfinished_work_is_reported_as_a_blocking_wait()
    {
        Func<TimeProvider, FanOut> blocking = time => (children, token) =>
        {
            Task.WhenAll(children.Select(c => c(token))).GetAwaiter().GetResult();
            return Task.CompletedTask;
        };
        var trace = Run(Tree(Ok(5)), blocking);

        Assert.Equal(RunStatus.BlockedThread, trace.Status);
        Assert.Contains(trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait);
    }

    [Fact]
    public void Task_Run_is_reported_as_uncontrolled_work_and_still_gets_a_correct_verdict()
    {
        FanOut onThreadPool = (children, token) => Task.Run(() => Task.WhenAll(children.Select(c => c(token))), token);
        var trace = Run(Tree(Fail(10), Ok(5)), onThreadPool);

        Assert.Contains(trace.Diagnostics, d => d.Kind == DiagnosticKind.ThreadPool);
        Assert.Equal(NodeOutcome.Faulted, trace.Root.Outcome);
        Assert.Equal("0.0", Assert.Single(trace.Root.ObservedErrors).NodeId);
    }

    [Fact]
    public void Pool_work_queued_without_the_run_s_context_is_neither_waited_for_nor_reported()
    {
        // UnsafeQueueUserWorkItem flows no ExecutionContext, like .NET's own background work (the service provider
        // compiling a factory): the item is queued while the run is current, but none of the run's code runs in it.
        FanOut queuesUnsafe = (children, token) =>
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => { }, null);
            return Task.WhenAll(children.Select(c => c(token)));
        };
        var trace = Run(Tree(Ok(5)), queuesUnsafe);

        Assert.Equal(RunStatus.Completed, trace.Status);
        Assert.Empty(trace.Diagnostics);
    }

    [Fact]
    public void An_async_void_exception_is_reported_with_its_node()
    {
        var trace = Run(Tree(Fail(10), Ok(20)), AsyncVoidFanOut);

        Assert.Contains(trace.Diagnostics, d => d.Kind == DiagnosticKind.AsyncVoidException && d.NodeId == "0.0");
        Assert.Equal(NodeOutcome.RanToCompletion, trace.Root.Outcome);
    }

    [Fact]
    public void A_busy_loop_is_abandoned_by_the_watchdog_with_a_stuck_verdict()
    {
        FanOut spins = (children, token) =>
        {
            var task = Task.WhenAll(children.Select(c => c(token)));
            while (!task.IsCompleted)
            {
                Thread.SpinWait(1000);
            }

            return task;
        };
        var trace = Run(Tree(Ok(5)), spins, RunOptions.Default with { StuckAfter = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(RunStatus.Stuck, trace.Status);
        Assert.Contains(trace.Diagnostics, d => d.Kind == DiagnosticKind.Stuck && d.NodeId == "0.0");
    }

    [Fact]
    public void A_real_time_delay_is_reported()
    {
        FanOut realDelay = async (children, token) =>
        {
            await Task.Delay(20, token); // the bug: no TimeProvider, so real time
            await Task.WhenAll(children.Select(c => c(token)));
        };
        var trace = Run(Tree(Ok(5)), realDelay);

        Assert.Contains(trace.Diagnostics, d => d.Kind is DiagnosticKind.RealTimer or DiagnosticKind.ThreadPool);
    }

    private static void AsyncVoidFanOut(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken token, List<Task>? _ = null)
    {
        foreach (var child in children)
        {
            Fire(child, token);
        }
    }

    private static Task AsyncVoidFanOut(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken token)
    {
        AsyncVoidFanOut(children, token, null);
        return Task.CompletedTask;
    }

#pragma warning disable VSTHRD100 // async void on purpose: this is the bug under test
    private static async void Fire(Func<CancellationToken, Task> child, CancellationToken token) => await child(token);
#pragma warning restore VSTHRD100
}
