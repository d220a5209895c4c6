using static ConcurrencyChaos.Tests.Structured.GroupTesting;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>
/// The cases CPython's and Trio's suites cannot have, because .NET passes cancellation as tokens: children and
/// body that close over the caller's token, an outer group's token, or a source linked to either, instead of the
/// token the group gives them. Cancelling that token must end the group Canceled, never Faulted.
/// </summary>
/// <remarks>
/// A token runs its callbacks last-registered-first, so a wait registered after the group's own registration
/// completes before the group's token is cancelled. Every case runs on the thread pool, without a
/// SynchronizationContext (a context makes <c>ConfigureAwait(false)</c> continuations queue instead of running
/// inline), so every wait here completes inline, inside that callback: the race is decided the same way every run.
/// </remarks>
public sealed class TokenConformanceTests
{
    /// <summary>The ways a child or body waits on a token it closed over.</summary>
    public enum Wait
    {
        /// <summary><c>Task.WaitAsync(token)</c>.</summary>
        WaitAsync,

        /// <summary><c>Task.Delay(Timeout.Infinite, token)</c>.</summary>
        Delay,

        /// <summary>A wait on a source linked to the token.</summary>
        LinkedSource,

        /// <summary>A TaskCompletionSource cancelled (without a token) from <c>token.Register</c>.</summary>
        RegisterTcs,

        /// <summary>A TaskCompletionSource cancelled with the token from <c>token.Register</c>.</summary>
        RegisterTcsWithToken,
    }

    public static TheoryData<Wait> Waits => new(Enum.GetValues<Wait>());

    public static TheoryData<Wait, bool> WaitsByChildAndBody
    {
        get
        {
            var data = new TheoryData<Wait, bool>();
            foreach (var wait in Enum.GetValues<Wait>())
            {
                data.Add(wait, false);
                data.Add(wait, true);
            }

            return data;
        }
    }

    /// <summary>Waits on <paramref name="token"/> in the given way; completes inline when it is cancelled.</summary>
    private static async Task WaitOnAsync(Wait wait, CancellationToken token)
    {
        switch (wait)
        {
            case Wait.WaitAsync:
                await Forever.WaitAsync(token).ConfigureAwait(false);
                break;
            case Wait.Delay:
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                break;
            case Wait.LinkedSource:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(token))
                {
                    await Forever.WaitAsync(linked.Token).ConfigureAwait(false);
                }

                break;
            default:
                var cancelled = new TaskCompletionSource();
                using (token.Register(() => _ = wait == Wait.RegisterTcs ? cancelled.TrySetCanceled() : cancelled.TrySetCanceled(token)))
                {
                    await cancelled.Task.ConfigureAwait(false);
                }

                break;
        }
    }

    [Theory]
    [MemberData(nameof(WaitsByChildAndBody))]
    public Task Caller_token_a_child_or_the_body_waiting_on_the_callers_token_ends_the_group_canceled(Wait wait, bool body)
        => Task.Run(async () =>
        {
            using var caller = new CancellationTokenSource();
            var group = TaskGroup.RunAsync(
                async g =>
                {
                    _ = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
                    if (body)
                    {
                        await WaitOnAsync(wait, caller.Token);
                    }
                    else
                    {
                        _ = g.Run(_ => WaitOnAsync(wait, caller.Token));
                    }
                },
                caller.Token);

            await caller.CancelAsync();
            var oce = await GroupCanceledAsync(group);
            Assert.Equal(caller.Token, oce.CancellationToken);
        });

    [Theory]
    [MemberData(nameof(Waits))]
    public Task Outer_group_token_an_inner_child_waiting_on_it_ends_the_inner_group_canceled_when_an_outer_sibling_fails(Wait wait)
        => Task.Run(async () =>
        {
            var boom = new InvalidOperationException("outer sibling");
            Task? inner = null;

            var outer = TaskGroup.RunAsync(o =>
            {
                inner = o.Run(outerToken => TaskGroup.RunAsync(
                    i =>
                    {
                        _ = i.Run(_ => WaitOnAsync(wait, outerToken));
                        _ = i.Run(ct => Task.Delay(Timeout.Infinite, ct));
                        return Task.CompletedTask;
                    },
                    outerToken));
                _ = o.Run(_ => FailSoonAsync(boom));
                return Task.CompletedTask;
            });

            var fault = await GroupFaultAsync(outer);
            await GroupCanceledAsync(inner!);
            Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        });

    [Theory]
    [MemberData(nameof(Waits))]
    public Task Outer_group_token_an_inner_child_waiting_on_the_outer_callers_token_ends_both_groups_canceled(Wait wait)
        => Task.Run(async () =>
        {
            using var caller = new CancellationTokenSource();
            Task? inner = null;

            var outer = TaskGroup.RunAsync(
                o =>
                {
                    inner = o.Run(outerToken => TaskGroup.RunAsync(
                        i =>
                        {
                            // Closes over the outermost token, two links up from its own group's.
                            _ = i.Run(_ => WaitOnAsync(wait, caller.Token));
                            return Task.CompletedTask;
                        },
                        outerToken));
                    _ = o.Run(ct => Task.Delay(Timeout.Infinite, ct));
                    return Task.CompletedTask;
                },
                caller.Token);

            await caller.CancelAsync();
            await GroupCanceledAsync(outer);
            await GroupCanceledAsync(inner!);
        });

    [Fact]
    public Task Unrelated_token_an_OCE_for_an_uncancelled_token_is_a_fault_even_while_the_group_is_aborting()
        => Task.Run(async () =>
        {
            var boom = new InvalidOperationException("boom");
            using var unrelated = new CancellationTokenSource();
            var stray = new OperationCanceledException("stray", unrelated.Token);

            var group = TaskGroup.RunAsync(g =>
            {
                _ = g.Run(async ct =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        throw stray; // the group is aborting, but this is not its cancellation
                    }
                });
                _ = g.Run(_ => Task.FromException(boom));
                return Task.CompletedTask;
            });

            var fault = await GroupFaultAsync(group);
            Assert.Equal(new Exception[] { boom, stray }, fault.InnerExceptions);
        });

    [Fact]
    public Task Linked_source_a_child_canceled_through_a_source_linked_to_the_group_token_is_not_a_fault()
        => Task.Run(async () =>
        {
            var boom = new InvalidOperationException("boom");

            var group = TaskGroup.RunAsync(g =>
            {
                _ = g.Run(async ct =>
                {
                    using var withTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    withTimeout.CancelAfter(TimeSpan.FromHours(1));
                    await Task.Delay(Timeout.Infinite, withTimeout.Token);
                });
                _ = g.Run(_ => FailSoonAsync(boom));
                return Task.CompletedTask;
            });

            var fault = await GroupFaultAsync(group);
            Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        });

    [Fact]
    public async Task Bare_OCE_one_without_a_token_is_cancellation_while_the_group_is_being_cancelled()
    {
        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(async ct =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    throw new OperationCanceledException("no token");
                }
            });
            g.Cancel();
            return Task.CompletedTask;
        });

        await GroupSucceededAsync(group);
    }

    [Fact]
    public Task Limitation_a_group_started_with_a_source_linked_by_hand_cannot_see_the_token_behind_it()
        => Task.Run(async () =>
        {
            // .NET does not say which tokens a CancellationTokenSource is linked to. Here the group's caller token is
            // `linked`, the child waits on `outer` directly, and `outer` wakes the child before it cancels `linked`:
            // the group sees a child canceled while nothing it knows of is cancelled, which is a fault. Passing the
            // child its `ct` (or starting the group with `outer.Token`) avoids it; docs/taskgroup.md says so.
            using var outer = new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(outer.Token);
            var group = TaskGroup.RunAsync(
                g =>
                {
                    _ = g.Run(_ => Forever.WaitAsync(outer.Token));
                    return Task.CompletedTask;
                },
                linked.Token);

            await outer.CancelAsync();
            var fault = await GroupFaultAsync(group);
            Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(fault.InnerExceptions));
        });

    [Fact]
    public Task Own_tokens_an_OCE_for_the_group_token_not_yet_cancelled_while_the_caller_cancels_is_cancellation()
        => Task.Run(async () =>
        {
            // The child is woken by the caller's token before the group's token is cancelled, and rethrows for its
            // `ct`: a token of the group's own, so cancellation, though `ct` is not cancelled yet at that moment.
            using var caller = new CancellationTokenSource();
            var group = TaskGroup.RunAsync(
                g =>
                {
                    _ = g.Run(async ct =>
                    {
                        try
                        {
                            await Forever.WaitAsync(caller.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                        {
                            throw new OperationCanceledException(ct);
                        }
                    });
                    return Task.CompletedTask;
                },
                caller.Token);

            await caller.CancelAsync();
            await GroupCanceledAsync(group);
        });

    [Fact]
    public async Task Own_tokens_an_OCE_for_the_callers_token_not_cancelled_while_the_group_cancels_is_cancellation()
    {
        using var caller = new CancellationTokenSource();
        var group = TaskGroup.RunAsync(
            g =>
            {
                _ = g.Run(async ct =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        throw new OperationCanceledException(caller.Token);
                    }
                });
                g.Cancel();
                return Task.CompletedTask;
            },
            caller.Token);

        await GroupSucceededAsync(group);
    }
}
