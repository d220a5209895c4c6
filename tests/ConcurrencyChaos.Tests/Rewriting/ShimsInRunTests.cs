using ConcurrencyChaos.Model;
using ConcurrencyChaos.Shims;

namespace ConcurrencyChaos.Tests.Rewriting;

/// <summary>
/// The shims as rewritten code calls them, without a rewrite: inside a run they go through the runtime (virtual
/// time, a blocking call named), outside one they are the original API.
/// </summary>
public sealed class ShimsInRunTests
{
    private static readonly TaskTree TwoLeaves = new(new Group(new Leaf { Work = 1 }, new Leaf { Work = 2 }));

    [Fact]
    public void A_delay_inside_a_run_takes_virtual_time_only()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            await TaskShims.Delay(5000, ct);
            await Task.WhenAll(children.Select(child => child(ct)));
        });

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(5002, report.Trace.EndTime);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Thread_Sleep_on_the_runtime_thread_is_a_blocking_wait_that_names_it()
    {
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            await Task.Yield();
            ThreadShims.Sleep(10);
            await Task.WhenAll(children.Select(child => child(ct)));
        });

        var blocking = Assert.Single(report.Trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait);
        Assert.Contains("Thread.Sleep", blocking.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_Run_inside_a_run_stays_on_the_runtime_and_outside_goes_to_the_pool()
    {
        bool? onPool = null;
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            await TaskShims.Run(() => onPool = Thread.CurrentThread.IsThreadPoolThread, ct);
            await Task.WhenAll(children.Select(child => child(ct)));
        });
        var outside = await TaskShims.Run(() => Thread.CurrentThread.IsThreadPoolThread);

        Assert.True(report.Passed, report.ToString());
        Assert.False(onPool);
        Assert.DoesNotContain(report.Trace.Diagnostics, d => d.Kind.IsEscape());
        Assert.True(outside);
    }

    [Fact]
    public async Task ContinueWith_without_a_scheduler_stays_on_the_runtime_inside_a_run_and_goes_to_the_pool_outside()
    {
        var onPool = new List<bool>();
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            var first = children[0](ct);
            await ContinuationShims.ContinueWith(first, _ => onPool.Add(Thread.CurrentThread.IsThreadPoolThread));
            await GenericContinuationShims.ContinueWith(Task.FromResult(1), (t, _) => onPool.Add(Thread.CurrentThread.IsThreadPoolThread), null, TaskScheduler.Default);
            await children[1](ct);
        });
        var outside = await ContinuationShims.ContinueWith(Task.CompletedTask, _ => Thread.CurrentThread.IsThreadPoolThread);

        Assert.True(report.Passed, report.ToString());
        Assert.Equal([false, false], onPool);
        Assert.DoesNotContain(report.Trace.Diagnostics, d => d.Kind.IsEscape());
        Assert.True(outside);
    }

    [Fact]
    public void Task_WaitAll_and_WaitAny_on_unfinished_work_on_the_runtime_thread_are_blocking_waits_that_name_them()
    {
        RunReport Blocking(Action<Task[]> wait) => Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            await Task.Yield();
            wait([.. children.Select(child => child(ct))]);
        });

        var all = Blocking(tasks => TaskShims.WaitAll(tasks));
        var any = Blocking(tasks => TaskShims.WaitAny(tasks, Timeout.Infinite, CancellationToken.None));
        var finished = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            Task[] tasks = [.. children.Select(child => child(ct))];
            await Task.WhenAll(tasks);
            TaskShims.WaitAll(tasks);
            Assert.Equal(0, TaskShims.WaitAny(tasks));
        });

        Assert.Contains("Task.WaitAll", Assert.Single(all.Trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait).Message, StringComparison.Ordinal);
        Assert.Contains("Task.WaitAny", Assert.Single(any.Trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait).Message, StringComparison.Ordinal);
        Assert.True(finished.Passed, finished.ToString());
        Assert.Empty(finished.Trace.Diagnostics);
    }

    [Fact]
    public async Task FromAsync_over_an_unfinished_task_ends_on_the_runtime_inside_a_run_and_on_the_pool_outside()
    {
        bool? endedOnPool = null;
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            IAsyncResult operation = children[0](ct);
            await FromAsyncShims.FromAsync(Task.Factory, operation, _ => endedOnPool = Thread.CurrentThread.IsThreadPoolThread);
            await children[1](ct);
        });
        using var gate = new ManualResetEventSlim();
        var pending = Task.Run(gate.Wait);
        var outside = FromAsyncShims.FromAsync(Task.Factory, pending, _ => Thread.CurrentThread.IsThreadPoolThread);
        gate.Set();

        Assert.True(report.Passed, report.ToString());
        Assert.False(endedOnPool);
        Assert.DoesNotContain(report.Trace.Diagnostics, d => d.Kind.IsEscape());
        Assert.Equal(3, report.Trace.EndTime);
        Assert.True(await outside);
    }
}
