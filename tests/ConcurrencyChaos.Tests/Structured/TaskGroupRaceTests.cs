using System.Diagnostics;
using Xunit.Abstractions;
using static ConcurrencyChaos.Tests.Structured.GroupTesting;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>
/// Races on the real thread pool: many children cancelled, each in its own way, while the group is cancelled from
/// another thread. However the race goes, the outcome is fixed; each test repeats it 1000 times and counts the runs
/// that end otherwise, which must be none.
/// </summary>
public sealed class TaskGroupRaceTests(ITestOutputHelper output)
{
    private const int Runs = 1000;
    private const int Children = 16;

    /// <summary>How a child waits; every one of them ends by cancellation.</summary>
    private enum Wait
    {
        GroupToken,
        CallerToken,
        WaitAsyncOnCallerToken,
        SourceLinkedToCallerToken,
        TcsFromCallerRegister,
        SourceLinkedToGroupTokenWithTimeout,
    }

    [Fact]
    public async Task Race_many_children_cancelled_while_the_caller_cancels_the_group_from_another_thread_always_end_it_canceled()
    {
        var wrong = await RepeatAsync(async run =>
        {
            using var caller = new CancellationTokenSource();
            var children = new Task[Children];
            var group = TaskGroup.RunAsync(
                g =>
                {
                    for (var i = 0; i < Children; i++)
                    {
                        var wait = (Wait)(i % 6);

                        // Half the children start waiting on the pool, so the caller's cancellation may come before,
                        // during or after they register their waits.
                        children[i] = i % 2 == 0
                            ? g.Run(ct => WaitAsync(wait, ct, caller.Token))
                            : g.Run(ct => Task.Run(() => WaitAsync(wait, ct, caller.Token), CancellationToken.None));
                    }

                    return Task.CompletedTask;
                },
                caller.Token);

            await Task.Run(caller.Cancel);
            await SettleAsync(group);
            return group.IsCanceled && children.All(c => c.IsCanceled)
                ? null
                : $"run {run}: group {group.Status} {group.Exception?.InnerException?.Message}; children {string.Join(",", children.Select(c => c.Status))}";
        });

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Race_many_children_cancelled_while_Cancel_is_called_from_another_thread_always_end_the_group_cleanly()
    {
        var wrong = await RepeatAsync(async run =>
        {
            TaskGroup? captured = null;
            var children = new Task[Children];
            var group = TaskGroup.RunAsync(g =>
            {
                captured = g;
                for (var i = 0; i < Children; i++)
                {
                    // Some end canceled, some swallow it; none may count as a fault.
                    var swallow = i % 3 == 0;
                    children[i] = i % 2 == 0
                        ? g.Run(ct => WaitForCancelAsync(ct, swallow))
                        : g.Run(ct => Task.Run(() => WaitForCancelAsync(ct, swallow), CancellationToken.None));
                }

                return Task.CompletedTask;
            });

            await Task.Run(captured!.Cancel);
            await SettleAsync(group);
            return group.IsCompletedSuccessfully && children.All(c => c.IsCompleted)
                ? null
                : $"run {run}: group {group.Status} {group.Exception?.InnerException?.Message}";
        });

        Assert.Empty(wrong);
    }

    /// <summary>Waits in the given way: on the group's token, or on the caller's token directly, bypassing the group.</summary>
    private static async Task WaitAsync(Wait wait, CancellationToken groupToken, CancellationToken callerToken)
    {
        switch (wait)
        {
            case Wait.GroupToken:
                await Task.Delay(Timeout.Infinite, groupToken).ConfigureAwait(false);
                break;
            case Wait.CallerToken:
                await Task.Delay(Timeout.Infinite, callerToken).ConfigureAwait(false);
                break;
            case Wait.WaitAsyncOnCallerToken:
                await Forever.WaitAsync(callerToken).ConfigureAwait(false);
                break;
            case Wait.SourceLinkedToCallerToken:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken))
                {
                    await Forever.WaitAsync(linked.Token).ConfigureAwait(false);
                }

                break;
            case Wait.TcsFromCallerRegister:
                var cancelled = new TaskCompletionSource();
                using (callerToken.Register(() => cancelled.TrySetCanceled()))
                {
                    await cancelled.Task.ConfigureAwait(false);
                }

                break;
            default:
                using (var withTimeout = CancellationTokenSource.CreateLinkedTokenSource(groupToken))
                {
                    withTimeout.CancelAfter(TimeSpan.FromHours(1));
                    await Task.Delay(Timeout.Infinite, withTimeout.Token).ConfigureAwait(false);
                }

                break;
        }
    }

    private static async Task WaitForCancelAsync(CancellationToken token, bool swallow)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (swallow)
        {
        }
    }

    /// <summary>Runs <paramref name="run"/> <see cref="Runs"/> times on the thread pool; returns what each wrong run said.</summary>
    private async Task<List<string>> RepeatAsync(Func<int, Task<string?>> run)
    {
        var wrong = new List<string>();
        var clock = Stopwatch.StartNew();
        await Task.Run(async () =>
        {
            for (var i = 0; i < Runs; i++)
            {
                if (await run(i).ConfigureAwait(false) is { } message)
                {
                    wrong.Add(message);
                }
            }
        });

        output.WriteLine($"{Runs} runs of {Children} children on the thread pool: {wrong.Count} wrong, {clock.ElapsedMilliseconds} ms");
        return wrong;
    }
}
