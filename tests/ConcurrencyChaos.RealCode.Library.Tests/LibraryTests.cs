using System.Diagnostics;
using Contoso.FanOut;

namespace ConcurrencyChaos.RealCode.Library.Tests;

/// <summary>The library's ordinary tests: real threads, real time, no harness.</summary>
public sealed class LibraryTests
{
    [Fact]
    public void The_library_under_test_is_the_rewritten_one()
    {
        var markers = typeof(ResilientFanOut).Assembly.GetCustomAttributesData().Select(a => a.AttributeType.FullName);

        Assert.Contains("ConcurrencyChaos.Shims.ChaosRewrittenAttribute", markers);
    }

    public static TheoryData<string> Groups => ["RunAllAsync", "RunWithContinuationsAsync", "RunThroughBeginEndAsync"];

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Every_failure_reaches_the_caller_and_cancels_the_others(string group)
    {
        Func<IReadOnlyList<Work>, CancellationToken, Task> run = group switch
        {
            "RunAllAsync" => ResilientFanOut.RunAllAsync,
            "RunWithContinuationsAsync" => LegacyFanOut.RunWithContinuationsAsync,
            _ => LegacyFanOut.RunThroughBeginEndAsync,
        };
        var cancelled = 0;
        var aStarted = new TaskCompletionSource();
        Work[] operations =
        [
            async token =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                    throw;
                }
            },
            async _ =>
            {
                await aStarted.Task;
                throw new TimeoutException("b");
            },
            _ =>
            {
                aStarted.SetResult();
                return Task.FromException(new InvalidOperationException("a"));
            },
        ];

        var error = await Assert.ThrowsAsync<AggregateException>(() => run(operations, CancellationToken.None));

        Assert.Equal(["a", "b"], error.InnerExceptions.Select(e => e.Message).Order());
        Assert.Equal(1, cancelled);
    }

    [Theory]
    [InlineData("Task.Run")]
    [InlineData("method groups")]
    public async Task Each_operation_runs_on_the_thread_pool(string how)
    {
        var pool = 0;
        var operations = Enumerable.Range(0, 6).Select(_ => (Work)(_ =>
        {
            if (Thread.CurrentThread.IsThreadPoolThread)
            {
                Interlocked.Increment(ref pool);
            }

            return Task.CompletedTask;
        })).ToList();

        await (how == "Task.Run" ? ResilientFanOut.RunAllOnThreadPoolAsync(operations, CancellationToken.None) : LegacyFanOut.RunOnPoolThroughMethodGroupsAsync(operations, CancellationToken.None));

        Assert.Equal(6, pool);
    }

    [Fact]
    public async Task Staggered_operations_all_run_after_their_pauses_on_the_real_clock()
    {
        var ran = 0;
        var operations = Enumerable.Range(0, 3).Select(_ => (Work)(_ =>
        {
            Interlocked.Increment(ref ran);
            return Task.CompletedTask;
        })).ToList();
        var clock = Stopwatch.StartNew();

        await LegacyFanOut.RunStaggeredAsync(operations, CancellationToken.None);

        Assert.Equal(3, ran);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(19), $"the last pause is 20 ms of real time; took {clock.Elapsed}");
    }

    [Fact]
    public void Blocking_calls_wait_for_the_operations_on_the_callers_thread()
    {
        using var release = new ManualResetEventSlim();
        var ended = false;

        var first = SyncOverAsync.RunUntilFirst([_ => Task.Run(release.Wait), _ => Task.CompletedTask], CancellationToken.None);
        release.Set();
        var error = Assert.Throws<AggregateException>(() => SyncOverAsync.RunAll(
            [
                async token =>
                {
                    await Task.Delay(20, token);
                    ended = true;
                },
                _ => Task.FromException(new InvalidOperationException("a")),
            ],
            CancellationToken.None));

        Assert.Equal(1, first);
        Assert.True(ended, "Task.WaitAll returned before every operation had ended");
        Assert.Equal("a", Assert.Single(error.InnerExceptions).Message);
    }

    [Fact]
    public async Task At_most_three_operations_run_at_once()
    {
        var running = 0;
        var most = 0;
        var operations = Enumerable.Range(0, 8).Select(_ => (Work)(async token =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(20, token);
            Interlocked.Decrement(ref running);
        })).ToList();

        await ResilientFanOut.RunThrottledAsync(operations, CancellationToken.None);

        Assert.Equal(3, most);
    }

    [Fact]
    public async Task Parallel_processing_surfaces_one_error()
    {
        Work[] operations = [_ => throw new InvalidOperationException("a"), token => Task.Delay(10, token)];

        await Assert.ThrowsAnyAsync<Exception>(() => BatchProcessor.ProcessInParallelAsync(operations, CancellationToken.None));
    }

    [Fact]
    public async Task Results_as_they_complete_stop_at_the_first_failure()
    {
        Work[] operations = [token => Task.Delay(10_000, token), _ => Task.FromException(new InvalidOperationException("first"))];
        using var cts = new CancellationTokenSource();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BatchProcessor.ProcessAsTheyCompleteAsync(operations, cts.Token));

        Assert.Equal("first", error.Message);
        await cts.CancelAsync();
    }

    [Fact]
    public async Task Polly_retries_a_transient_failure()
    {
        var calls = 0;
        Work[] operations = [_ => Interlocked.Increment(ref calls) == 1 ? throw new TimeoutException() : Task.CompletedTask];
        var clock = Stopwatch.StartNew();

        await ResilientClient.CallAllAsync(operations, CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"Polly's default retry waits 2 s of real time; took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_quick_group_ends_before_its_deadline_without_a_heartbeat()
    {
        var before = DeadlineRunner.Heartbeats;

        await DeadlineRunner.RunWithDeadlineAsync([_ => Task.CompletedTask], CancellationToken.None);

        Assert.Equal(before, DeadlineRunner.Heartbeats);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
