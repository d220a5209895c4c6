using System.Runtime.CompilerServices;
using static ConcurrencyChaos.Tests.Structured.GroupTesting;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>
/// The seed document's five asyncio pitfalls, each as its naive C# counterpart (showing the bad outcome)
/// and the same code under <see cref="TaskGroup"/> (showing it is prevented).
/// </summary>
public sealed class SeedPitfallTests
{
    private static async Task FailAsync(Task gate, Exception error)
    {
        await gate;
        throw error;
    }

    // (1) A plain catch sees only one of several errors.
    [Fact]
    public async Task Pitfall1_a_plain_catch_around_await_WhenAll_sees_only_the_first_error()
    {
        var first = new InvalidOperationException("first");
        var second = new ArgumentException("second");

        // Naive: both children fault, but `await Task.WhenAll` throws only the first; the catch never sees the second.
        var gate = NewGate();
        var whenAll = Task.WhenAll(FailAsync(gate.Task, first), FailAsync(gate.Task, second));
        gate.SetResult();
        Exception? caught = null;
        try
        {
            await whenAll.WaitAsync(Guard);
        }
        catch (Exception exception)
        {
            caught = exception;
        }

        // Which one arrives is a race (on .NET 10 WhenAll keeps them in the order they happened); that only one does is the pitfall.
        Assert.True(ReferenceEquals(caught, first) || ReferenceEquals(caught, second), $"caught {caught}");
        Assert.Equal(2, whenAll.Exception!.InnerExceptions.Count); // the other was there, but the catch lost it

        // TaskGroup: the one exception `await` throws holds both.
        var groupGate = NewGate();
        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(_ => FailAsync(groupGate.Task, first));
            _ = g.Run(_ => FailAsync(groupGate.Task, second));
            groupGate.SetResult();
            return Task.CompletedTask;
        });
        Exception? groupCaught = null;
        try
        {
            await group.WaitAsync(Guard);
        }
        catch (Exception exception)
        {
            groupCaught = exception;
        }

        var fault = Assert.IsType<TaskGroupException>(groupCaught);
        Assert.Equal(2, fault.InnerExceptions.Count);
        Assert.Contains(first, fault.InnerExceptions);
        Assert.Contains(second, fault.InnerExceptions);
    }

    // (2) Reading a child's result before the scope ended.
    [Fact]
    public async Task Pitfall2_reading_a_result_before_the_scope_ended()
    {
        static async Task<int> ComputeAsync(Task gate)
        {
            await gate;
            return 42;
        }

        // Naive: the caller reads the child's state right after starting it: not done, no result to read.
        var gate = NewGate();
        var naive = ComputeAsync(gate.Task);
        Assert.False(naive.IsCompleted);
        Assert.NotEqual(TaskStatus.RanToCompletion, naive.Status);
        gate.SetResult();
        await naive.WaitAsync(Guard);

        // TaskGroup: once RunAsync returned, every child's Task<T> holds its result.
        var groupGate = NewGate();
        Task<int>? child = null;
        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run(_ => ComputeAsync(groupGate.Task));
            return Task.CompletedTask;
        });
        groupGate.SetResult();
        await group.WaitAsync(Guard);

        Assert.Equal(TaskStatus.RanToCompletion, child!.Status);
        Assert.Equal(42, await child);
    }

    // (3) Forgetting to wait for the scope: fire-and-forget.
    [Fact]
    public async Task Pitfall3_forgetting_to_wait_for_the_children()
    {
        static async Task ChildAsync(Task gate, StrongBox<bool> finished)
        {
            await gate;
            finished.Value = true;
        }

        // Naive: the method returns while its child still runs.
        var gate = NewGate();
        var naiveFinished = new StrongBox<bool>();
        Task? orphan = null;
        var naive = NaiveFireAndForgetAsync();
        await naive.WaitAsync(Guard);
        Assert.True(naive.IsCompletedSuccessfully);
        Assert.False(naiveFinished.Value); // "done", yet the child's work has not happened
        gate.SetResult();
        await orphan!.WaitAsync(Guard);

        // TaskGroup: RunAsync does not complete until the child ended.
        var groupGate = NewGate();
        var groupFinished = new StrongBox<bool>();
        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(_ => ChildAsync(groupGate.Task, groupFinished));
            return Task.CompletedTask;
        });
        var finishedAtGroupEnd = group.ContinueWith(
            _ => groupFinished.Value,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        Assert.False(group.IsCompleted);
        groupGate.SetResult();
        Assert.True(await finishedAtGroupEnd.WaitAsync(Guard));

        Task NaiveFireAndForgetAsync()
        {
            orphan = ChildAsync(gate.Task, naiveFinished); // started, never awaited
            return Task.CompletedTask;
        }
    }

    // (4) Creating a task after the scope closed.
    [Fact]
    public async Task Pitfall4_creating_a_task_after_the_scope_closed()
    {
        // Naive: the "scope" is a list awaited with WhenAll; nothing stops adding to it afterwards, and nobody awaits that.
        var scope = new List<Task>();
        var gate = NewGate();
        scope.Add(Task.CompletedTask);
        await Task.WhenAll(scope).WaitAsync(Guard);
        var late = gate.Task;
        scope.Add(late); // accepted silently
        Assert.Contains(late, scope);
        Assert.False(late.IsCompleted);
        gate.SetResult();

        // TaskGroup: Run after the group ended throws and never invokes the delegate.
        TaskGroup? captured = null;
        await TaskGroup.RunAsync(g =>
        {
            captured = g;
            _ = g.Run(_ => Task.CompletedTask);
            return Task.CompletedTask;
        }).WaitAsync(Guard);
        var invoked = false;
        Assert.Throws<InvalidOperationException>(() =>
        {
            _ = captured!.Run(_ =>
            {
                invoked = true;
                return Task.CompletedTask;
            });
        });
        Assert.False(invoked);
    }

    // (5) Swallowing cancellation in a child.
    [Fact]
    public async Task Pitfall5_a_child_swallowing_cancellation()
    {
        static async Task SwallowingChildAsync(CancellationToken ct, TaskCompletionSource started)
        {
            try
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // swallowed: returns normally
            }
        }

        // Naive: WhenAll over a linked CTS; the caller cancels, the child swallows, the caller's await "succeeds".
        using var caller = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(caller.Token);
        var started = NewGate();
        var naive = Task.WhenAll(SwallowingChildAsync(linked.Token, started));
        await started.Task.WaitAsync(Guard);
        await caller.CancelAsync();
        await naive.WaitAsync(Guard);
        Assert.True(naive.IsCompletedSuccessfully); // as if nothing happened

        // TaskGroup: the caller's cancellation ends the group Canceled.
        using var groupCaller = new CancellationTokenSource();
        var groupStarted = NewGate();
        var group = TaskGroup.RunAsync(
            g =>
            {
                _ = g.Run(ct => SwallowingChildAsync(ct, groupStarted));
                return Task.CompletedTask;
            },
            groupCaller.Token);
        await groupStarted.Task.WaitAsync(Guard);
        await groupCaller.CancelAsync();
        await SettleAsync(group);
        Assert.True(group.IsCanceled);
        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group);
        Assert.Equal(groupCaller.Token, oce.CancellationToken);
    }
}
