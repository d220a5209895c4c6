using System.Threading.Channels;
using static ConcurrencyChaos.Tests.Structured.GroupTesting;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>
/// The API asyncio and Trio users expect: ValueTask children, <see cref="TaskGroup.Cancel"/>, <c>StartAsync</c>
/// (Trio's <c>nursery.start</c>) and <see cref="TaskGroupException.Failures"/> (which child threw what).
/// </summary>
public sealed class TaskGroupApiTests
{
    // ---- children returning ValueTask / ValueTask<T> ------------------------------------------------------------

    [Fact]
    public async Task ValueTask_children_run_in_the_group_and_their_results_are_there_once_it_ended()
    {
        var channel = Channel.CreateUnbounded<int>();
        Task<int>? read = null;

        await TaskGroup.RunAsync(g =>
        {
            _ = g.Run(ct => channel.Writer.WriteAsync(42, ct)); // ValueTask
            read = g.Run(ct => channel.Reader.ReadAsync(ct)); // ValueTask<int>
            return Task.CompletedTask;
        }).WaitAsync(Guard);

        Assert.Equal(42, await read!);
    }

    [Fact]
    public async Task ValueTask_children_fail_and_are_cancelled_like_Task_children()
    {
        var boom = new InvalidOperationException("boom");
        Task<int>? cancelled = null;

        var group = TaskGroup.RunAsync(g =>
        {
            cancelled = g.Run("reader", ct => Channel.CreateUnbounded<int>().Reader.ReadAsync(ct));
            _ = g.Run("writer", _ => ValueTask.FromException(boom));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        var failure = Assert.Single(fault.Failures);
        Assert.Same(boom, failure.Exception);
        Assert.Equal((1, "writer"), (failure.ChildIndex, failure.ChildName));
        Assert.True(cancelled!.IsCanceled);
    }

    [Fact]
    public async Task ValueTask_a_child_delegate_that_throws_synchronously_faults_its_task_and_the_group()
    {
        var boom = new InvalidOperationException("sync");
        Task? child = null;

        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run((Func<CancellationToken, ValueTask>)(_ => throw boom));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(child!.IsFaulted);
    }

    [Fact]
    public async Task ValueTask_async_lambdas_still_bind_to_the_Task_overloads()
    {
        // Were the ValueTask forms instance overloads, `g.Run(async ct => ...)` would not compile (ambiguous).
        await TaskGroup.RunAsync(async g =>
        {
            Task child = g.Run(async ct => await Task.Delay(1, ct));
            Task<int> typed = g.Run(async ct =>
            {
                await Task.Delay(1, ct);
                return 1;
            });
            Assert.Equal(1, await typed);
            await child;
        }).WaitAsync(Guard);
    }

    // ---- Cancel() -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Cancel_from_outside_the_group_ends_it_cleanly_and_a_fault_still_wins()
    {
        TaskGroup? captured = null;
        var clean = TaskGroup.RunAsync(g =>
        {
            captured = g;
            _ = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
            return Task.CompletedTask;
        });
        captured!.Cancel();
        await GroupSucceededAsync(clean);

        var cleanup = new InvalidOperationException("cleanup");
        var faulted = TaskGroup.RunAsync(g =>
        {
            captured = g;
            _ = g.Run(async ct =>
            {
                await Ended(Task.Delay(Timeout.Infinite, ct));
                throw cleanup;
            });
            return Task.CompletedTask;
        });
        captured.Cancel();
        var fault = await GroupFaultAsync(faulted);
        Assert.Same(cleanup, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Cancel_ends_the_group_canceled_when_the_caller_cancelled_too()
    {
        using var caller = new CancellationTokenSource();
        var group = TaskGroup.RunAsync(
            async g =>
            {
                g.Cancel();
                await caller.CancelAsync();
                await Task.Delay(Timeout.Infinite, g.Token);
            },
            caller.Token);

        await GroupCanceledAsync(group);
    }

    // ---- StartAsync ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task StartAsync_a_pending_start_is_canceled_when_a_sibling_fails_and_only_the_sibling_error_counts()
    {
        var boom = new InvalidOperationException("boom");
        Task<int>? start = null;

        var group = TaskGroup.RunAsync(g =>
        {
            start = g.StartAsync<int>(async (started, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                started.Signal(1);
            });
            _ = g.Run(_ => FailSoonAsync(boom));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(start!.IsCanceled);
    }

    [Fact]
    public async Task StartAsync_the_child_runs_with_the_group_token_before_and_after_it_signals()
    {
        var tokens = new List<CancellationToken>();
        TaskGroup? captured = null;

        await TaskGroup.RunAsync(async g =>
        {
            captured = g;
            var port = await g.StartAsync<int>(async (started, ct) =>
            {
                tokens.Add(ct);
                started.Signal(8080);
                await Task.Yield();
                tokens.Add(ct);
            });
            Assert.Equal(8080, port);
        }).WaitAsync(Guard);

        Assert.All(tokens, t => Assert.Equal(captured!.Token, t));
    }

    [Fact]
    public async Task StartAsync_signalling_after_the_child_ended_throws()
    {
        StartedSignal<int>? kept = null;
        await TaskGroup.RunAsync(async g =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => g.StartAsync<int>((started, _) =>
            {
                kept = started;
                return Task.CompletedTask;
            }));
        }).WaitAsync(Guard);

        var late = Assert.Throws<InvalidOperationException>(() => kept!.Signal(1));
        Assert.Contains("already ended", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_a_child_that_ends_canceled_before_it_signals_cancels_StartAsync_not_the_group()
    {
        using var own = new CancellationTokenSource();
        await own.CancelAsync();

        await TaskGroup.RunAsync(async g =>
        {
            var start = g.StartAsync((_, _) => Task.Delay(Timeout.Infinite, own.Token));
            await SettleAsync(start);
            Assert.True(start.IsCanceled);
        }).WaitAsync(Guard);
    }

    // ---- Failures: which child threw each error -----------------------------------------------------------------

    [Fact]
    public async Task Failures_say_which_child_the_body_or_a_callback_threw_each_error()
    {
        var gate = NewGate();
        var callback = new FormatException("callback");
        var body = new ArgumentException("body");

        var group = TaskGroup.RunAsync(async g =>
        {
            _ = g.Run("ok", _ => Task.CompletedTask);
            var pricing = g.Run("pricing", async _ =>
            {
                await gate.Task; // ignores its token: fails after the first failure cancelled the group
                throw new InvalidOperationException("pricing");
            });
            _ = g.Token.Register(() => throw callback);
            _ = g.Run(_ => Task.FromException(new TimeoutException("unnamed")));
            gate.SetResult();
            await Ended(pricing);
            throw body;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(fault.InnerExceptions, fault.Failures.Select(f => f.Exception));

        // The first two are recorded inline, in this order. The body resumes from its await of `pricing` on another
        // thread, possibly before the group has handled `pricing`'s end: their order is the order the group saw them.
        Assert.Equal(
            ["child 2: TimeoutException: unnamed", "a callback on the group's token: FormatException: callback"],
            fault.Failures.Take(2).Select(f => f.ToString()));
        Assert.Equal(
            new HashSet<string> { "child 1 \"pricing\": InvalidOperationException: pricing", "the body: ArgumentException: body" },
            fault.Failures.Skip(2).Select(f => f.ToString()).ToHashSet());
        var byMessage = fault.Failures.ToDictionary(f => f.Exception.Message);
        Assert.Equal((2, (string?)null, false), (byMessage["unnamed"].ChildIndex, byMessage["unnamed"].ChildName, byMessage["unnamed"].IsBody));
        Assert.Equal(((int?)null, (string?)null, false), (byMessage["callback"].ChildIndex, byMessage["callback"].ChildName, byMessage["callback"].IsBody));
        Assert.Equal((1, "pricing", false), (byMessage["pricing"].ChildIndex, byMessage["pricing"].ChildName, byMessage["pricing"].IsBody));
        Assert.Equal(((int?)null, (string?)null, true), (byMessage["body"].ChildIndex, byMessage["body"].ChildName, byMessage["body"].IsBody));
        Assert.StartsWith("4 errors in a TaskGroup: child 2: TimeoutException: unnamed; a callback", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_of_a_nested_group_are_its_own()
    {
        var group = TaskGroup.RunAsync(outer =>
        {
            _ = outer.Run("inner group", ct => TaskGroup.RunAsync(
                inner =>
                {
                    _ = inner.Run("leaf", _ => Task.FromException(new InvalidOperationException("leaf")));
                    return Task.CompletedTask;
                },
                ct));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        var outerFailure = Assert.Single(fault.Failures);
        Assert.Equal("inner group", outerFailure.ChildName);
        var nested = Assert.IsType<TaskGroupException>(outerFailure.Exception);
        Assert.Equal("leaf", Assert.Single(nested.Failures).ChildName);
    }

    [Fact]
    public void Failures_are_empty_for_an_exception_no_group_threw()
    {
        Assert.Empty(new TaskGroupException().Failures);
        Assert.Empty(new TaskGroupException("m").Failures);
        Assert.Empty(new TaskGroupException("m", new InvalidOperationException()).Failures);
    }
}
