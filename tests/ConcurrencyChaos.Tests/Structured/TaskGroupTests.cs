using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using static ConcurrencyChaos.Tests.Structured.GroupTesting;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>One or more tests per semantic rule of <see cref="TaskGroup"/>; each fails if its rule breaks.</summary>
public sealed class TaskGroupTests
{
    // ---- rule 1: one linked token, passed to every child; first fault cancels siblings and body ----------

    [Fact]
    public async Task Rule1_every_child_receives_the_group_token_which_is_linked_to_the_caller()
    {
        using var caller = new CancellationTokenSource();
        var seen = new List<CancellationToken>();
        TaskGroup? captured = null;

        var group = TaskGroup.RunAsync(
            g =>
            {
                captured = g;
                for (var i = 0; i < 2; i++)
                {
                    _ = g.Run(async ct =>
                    {
                        lock (seen)
                        {
                            seen.Add(ct);
                        }

                        await Task.Delay(Timeout.Infinite, ct);
                    });
                }

                return Task.CompletedTask;
            },
            caller.Token);

        Assert.NotNull(captured);
        Assert.All(seen, ct => Assert.Equal(captured!.Token, ct));
        Assert.Equal(2, seen.Count);
        Assert.NotEqual(caller.Token, captured!.Token);
        Assert.False(captured.Token.IsCancellationRequested);

        await caller.CancelAsync();
        Assert.True(captured.Token.IsCancellationRequested);
        await SettleAsync(group);
        Assert.True(group.IsCanceled);
    }

    [Fact]
    public async Task Rule1_first_child_fault_cancels_siblings_and_body()
    {
        var boom = new InvalidOperationException("boom");
        var failNow = NewGate();
        var bodySawCancellation = false;
        Task? sibling = null;

        var group = TaskGroup.RunAsync(async g =>
        {
            sibling = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
            _ = g.Run(async _ =>
            {
                await failNow.Task;
                throw boom;
            });
            failNow.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, g.Token);
            }
            catch (OperationCanceledException)
            {
                bodySawCancellation = true;
            }
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(bodySawCancellation);
        Assert.True(sibling!.IsCanceled);
    }

    [Fact]
    public async Task Rule1_body_fault_cancels_children()
    {
        var boom = new InvalidOperationException("body boom");
        Task? child = null;

        var group = TaskGroup.RunAsync(async g =>
        {
            child = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
            await Task.Yield();
            throw boom;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(child!.IsCanceled);
    }

    // ---- rule 2: the group waits for every child, even one that ignores its token ------------------------

    [Fact]
    public async Task Rule2_group_waits_for_a_child_that_ignores_cancellation()
    {
        var finishedWork = false;
        var boom = new InvalidOperationException("boom");

        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(async _ =>
            {
                await Task.Delay(200, CancellationToken.None);
                finishedWork = true;
            });
            _ = g.Run(_ => Task.FromException(boom));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.True(finishedWork);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Rule2_group_task_completes_only_after_every_child_task_completed()
    {
        var release = NewGate();
        var children = new List<Task>();

        var group = TaskGroup.RunAsync(g =>
        {
            for (var i = 0; i < 3; i++)
            {
                children.Add(g.Run(async _ => await release.Task));
            }

            g.Cancel(); // cancellation must not make the group stop waiting
            return Task.CompletedTask;
        });

        // Sampled synchronously when the group's task completes.
        var allChildrenDoneAtGroupEnd = group.ContinueWith(
            _ => children.TrueForAll(c => c.IsCompleted),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        Assert.False(group.IsCompleted);
        release.SetResult();
        Assert.True(await allChildrenDoneAtGroupEnd.WaitAsync(Guard));
        Assert.True(group.IsCompletedSuccessfully);
    }

    // ---- rule 3: all faults in one TaskGroupException, in order, nested, never twice ---------------------

    [Fact]
    public async Task Rule3_every_fault_of_children_and_body_is_in_one_TaskGroupException_in_order()
    {
        var first = new InvalidOperationException("first");
        var second = new ArgumentException("second");
        var third = new FormatException("third");
        var gateA = NewGate();
        var gateB = NewGate();

        var group = TaskGroup.RunAsync(async g =>
        {
            // Both children ignore the token, so each still faults after the group was cancelled.
            var b = g.Run(async _ =>
            {
                await gateB.Task;
                throw second;
            });
            var a = g.Run(async _ =>
            {
                await gateA.Task;
                throw first;
            });
            gateA.SetResult();
            await a.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            gateB.SetResult();
            await b.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            throw third;
        });

        // `await` throws the TaskGroupException itself, holding everything.
        var fault = await GroupFaultAsync(group);
        Assert.Equal(new Exception[] { first, second, third }, fault.InnerExceptions);
        Assert.IsType<TaskGroupException>(Assert.Single(group.Exception!.InnerExceptions));
        Assert.Contains("first", fault.Message, StringComparison.Ordinal);
        Assert.Contains("second", fault.Message, StringComparison.Ordinal);
        Assert.Contains("FormatException", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule3_an_exception_the_body_rethrows_from_a_child_is_recorded_once()
    {
        var boom = new InvalidOperationException("boom");

        var group = TaskGroup.RunAsync(async g =>
        {
            var child = g.Run(async _ =>
            {
                await Task.Yield();
                throw boom;
            });
            await child; // propagates the same instance out of the body
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)] // past the failures the group scans: it keeps a set of them
    public async Task Rule3_an_exception_the_body_rethrows_is_recorded_once_however_many_failures_came_first(int children)
    {
        var errors = Enumerable.Range(0, children).Select(i => new InvalidOperationException($"child {i}")).ToArray();
        var sources = errors.Select(_ => new TaskCompletionSource()).ToArray();

        var group = TaskGroup.RunAsync(async g =>
        {
            var started = sources.Select(source => g.Run(_ => source.Task)).ToArray(); // they ignore the token
            for (var i = 0; i < children; i++)
            {
                sources[i].SetException(errors[i]);
            }

            await started[^1]; // propagates the last child's very exception out of the body
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(errors, fault.InnerExceptions);
    }

    [Fact]
    public async Task Rule3_an_exception_the_body_rethrows_via_Task_WhenAll_is_recorded_once_per_instance()
    {
        var one = new InvalidOperationException("one");
        var two = new InvalidOperationException("two");

        var gateA = NewGate();
        var gateB = NewGate();

        var group = TaskGroup.RunAsync(async g =>
        {
            // Both children ignore the token; the gates fix the order of their faults.
            var a = g.Run(async _ =>
            {
                await gateA.Task;
                throw one;
            });
            var b = g.Run(async _ =>
            {
                await gateB.Task;
                throw two;
            });
            gateA.SetResult();
            await a.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            gateB.SetResult();
            await Task.WhenAll(a, b); // throws `one` out of the body: the same instance
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(new Exception[] { one, two }, fault.InnerExceptions);
    }

    [Fact]
    public async Task Rule3_nested_groups_nest()
    {
        var inner1 = new InvalidOperationException("inner 1");
        var inner2 = new ArgumentException("inner 2");
        var outerFault = new FormatException("outer");
        var gate = NewGate();

        var group = TaskGroup.RunAsync(async outer =>
        {
            var nested = outer.Run(ct => TaskGroup.RunAsync(
                inner =>
                {
                    _ = inner.Run(async _ =>
                    {
                        await gate.Task; // ignores the token: faults after inner1 cancelled the group
                        throw inner2;
                    });
                    _ = inner.Run(_ => Task.FromException(inner1));
                    gate.SetResult();
                    return Task.CompletedTask;
                },
                ct));
            await nested.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            throw outerFault;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(2, fault.InnerExceptions.Count);
        var nestedFault = Assert.IsType<TaskGroupException>(fault.InnerExceptions[0]);
        Assert.Same(outerFault, fault.InnerExceptions[1]);
        Assert.Equal(new Exception[] { inner1, inner2 }, nestedFault.InnerExceptions);
    }

    // ---- rule 4: a canceled member is cancellation only while the group is being cancelled (TokenConformanceTests) --

    [Fact]
    public async Task Rule4_a_child_throwing_a_bare_OCE_while_the_group_is_not_cancelled_is_a_fault()
    {
        var stray = new OperationCanceledException("stray");

        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(async _ =>
            {
                await Task.Yield();
                throw stray;
            });
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(stray, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Rule4_a_child_cancelled_by_an_unrelated_timeout_token_is_a_fault()
    {
        using var timeout = new CancellationTokenSource();
        Task? child = null;

        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run(_ => Task.Delay(Timeout.Infinite, timeout.Token));
            return Task.CompletedTask;
        });

        await timeout.CancelAsync();
        var fault = await GroupFaultAsync(group);
        var oce = Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(fault.InnerExceptions));
        Assert.Equal(timeout.Token, oce.CancellationToken);
        Assert.True(child!.IsCanceled);
    }

    [Fact]
    public async Task Rule4_a_child_ending_canceled_because_the_group_was_cancelled_is_not_a_fault()
    {
        Task? child = null;

        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run(async ct =>
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                await Task.Delay(Timeout.Infinite, ct);
            });
            g.Cancel();
            return Task.CompletedTask;
        });

        await SettleAsync(group);
        Assert.True(group.IsCompletedSuccessfully);
        Assert.True(child!.IsCanceled);
    }

    [Fact]
    public async Task Rule4_a_body_ending_canceled_while_the_group_is_not_cancelled_is_a_fault()
    {
        var stray = new OperationCanceledException("body stray");

        var group = TaskGroup.RunAsync(async _ =>
        {
            await Task.Yield();
            throw stray;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(stray, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Rule4_a_body_ending_canceled_because_the_group_was_cancelled_is_not_a_fault()
    {
        var group = TaskGroup.RunAsync(async g =>
        {
            g.Cancel();
            await Task.Delay(Timeout.Infinite, g.Token);
        });

        await SettleAsync(group);
        Assert.True(group.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Rule4_a_delegate_throwing_OCE_synchronously_after_the_group_was_cancelled_is_not_a_fault()
    {
        Task? child = null;

        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run(ct =>
            {
                g.Cancel();
                ct.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });
            g.Token.ThrowIfCancellationRequested(); // the body, too, throws synchronously
            return Task.CompletedTask;
        });

        await SettleAsync(group);
        Assert.Equal(TaskStatus.RanToCompletion, group.Status);
        Assert.True(child!.IsCanceled);
    }

    [Fact]
    public async Task Rule4_a_delegate_throwing_OCE_synchronously_while_the_group_is_not_cancelled_is_a_fault()
    {
        var stray = new OperationCanceledException("sync stray");

        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(_ => throw stray);
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(stray, Assert.Single(fault.InnerExceptions));
    }

    // ---- rule 5: caller cancellation ends the group Canceled; faults win ---------------------------------

    [Fact]
    public async Task Rule5_caller_cancellation_ends_the_group_canceled_even_if_everyone_swallowed_it()
    {
        using var caller = new CancellationTokenSource();
        using var started = new CountdownEvent(2);

        var group = TaskGroup.RunAsync(
            async g =>
            {
                for (var i = 0; i < 2; i++)
                {
                    _ = g.Run(async ct =>
                    {
                        try
                        {
                            started.Signal();
                            await Task.Delay(Timeout.Infinite, ct);
                        }
                        catch (OperationCanceledException)
                        {
                            // swallowed: returns normally
                        }
                    });
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, g.Token);
                }
                catch (OperationCanceledException)
                {
                    // the body swallows it too
                }
            },
            caller.Token);

        Assert.True(started.IsSet);
        await caller.CancelAsync();
        await SettleAsync(group);
        Assert.True(group.IsCanceled);
        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group);
        Assert.Equal(caller.Token, oce.CancellationToken);
    }

    [Fact]
    public async Task Rule5_generic_group_ends_canceled_on_caller_cancellation_even_though_the_body_returned_a_value()
    {
        using var caller = new CancellationTokenSource();
        var group = TaskGroup.RunAsync(
            async g =>
            {
                _ = g.Run(async ct =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                });
                await caller.CancelAsync();
                return 7;
            },
            caller.Token);

        await SettleAsync(group);
        Assert.True(group.IsCanceled);
    }

    [Fact]
    public async Task Rule5_a_fault_during_cleanup_after_caller_cancellation_wins_over_cancellation()
    {
        using var caller = new CancellationTokenSource();
        var cleanup = new InvalidOperationException("cleanup failed");

        var group = TaskGroup.RunAsync(
            g =>
            {
                _ = g.Run(async ct =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    finally
                    {
                        throw cleanup;
                    }
                });
                _ = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
                return Task.CompletedTask;
            },
            caller.Token);

        await caller.CancelAsync();
        var fault = await GroupFaultAsync(group);
        Assert.Same(cleanup, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Rule5_an_already_cancelled_caller_token_cancels_without_invoking_the_body()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        var invoked = false;

        var group = TaskGroup.RunAsync(
            _ =>
            {
                invoked = true;
                return Task.CompletedTask;
            },
            caller.Token);

        await SettleAsync(group);
        Assert.True(group.IsCanceled);
        Assert.False(invoked);
        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group);
        Assert.Equal(caller.Token, oce.CancellationToken);
    }

    // ---- rule 6: Cancel() ends the group cleanly --------------------------------------------------------

    [Fact]
    public async Task Rule6_Cancel_cancels_the_token_and_ends_the_group_without_error()
    {
        var children = new List<Task>();
        TaskGroup? captured = null;

        var group = TaskGroup.RunAsync(async g =>
        {
            captured = g;
            children.Add(g.Run(ct => Task.Delay(Timeout.Infinite, ct)));
            children.Add(g.Run(async ct => await Task.Delay(Timeout.Infinite, ct)));
            await Task.Yield();
            g.Cancel();
            await Task.Delay(Timeout.Infinite, g.Token);
        });

        await SettleAsync(group);
        Assert.Equal(TaskStatus.RanToCompletion, group.Status);
        Assert.True(captured!.Token.IsCancellationRequested);
        Assert.All(children, c => Assert.True(c.IsCanceled));
        captured.Cancel(); // idempotent, also after the end
    }

    [Fact]
    public async Task Rule6_Cancel_keeps_the_body_result_when_the_body_returned_normally()
    {
        var result = await TaskGroup.RunAsync(g =>
        {
            _ = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
            g.Cancel();
            return Task.FromResult("done");
        }).WaitAsync(Guard);

        Assert.Equal("done", result);
    }

    [Fact]
    public async Task Rule6_a_fault_still_wins_after_Cancel()
    {
        var cleanup = new InvalidOperationException("cleanup");

        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(async ct =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    throw cleanup;
                }
            });
            g.Cancel();
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(cleanup, Assert.Single(fault.InnerExceptions));
    }

    // ---- rule 7: Run after the end throws; children may start children; Run after cancel is canceled -----

    [Fact]
    public async Task Rule7_Run_after_the_group_ended_throws_InvalidOperationException()
    {
        TaskGroup? captured = null;
        await TaskGroup.RunAsync(g =>
        {
            captured = g;
            return Task.CompletedTask;
        }).WaitAsync(Guard);

        var invoked = false;
        // Run throws synchronously (Action lambdas: Run itself must throw, not the returned task).
        Assert.Throws<InvalidOperationException>(() =>
        {
            _ = captured!.Run(_ =>
            {
                invoked = true;
                return Task.CompletedTask;
            });
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            _ = captured!.Run(_ =>
            {
                invoked = true;
                return Task.FromResult(1);
            });
        });
        Assert.False(invoked);
    }

    [Fact]
    public async Task Rule7_a_child_may_start_more_children_after_the_body_returned()
    {
        var release = NewGate();
        Task<int>? grandchild = null;
        var grandchildDoneAtGroupEnd = false;

        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(async _ =>
            {
                await release.Task; // the body has returned by now: the group is joining
                grandchild = g.Run(async ct2 =>
                {
                    await Task.Delay(50, CancellationToken.None);
                    return 42;
                });
            });
            return Task.CompletedTask;
        });

        var probe = group.ContinueWith(
            _ => grandchildDoneAtGroupEnd = grandchild?.IsCompleted == true,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        release.SetResult();
        await SettleAsync(group);
        await probe.WaitAsync(Guard);

        Assert.True(group.IsCompletedSuccessfully);
        Assert.True(grandchildDoneAtGroupEnd);
        Assert.Equal(42, await grandchild!);
    }

    [Fact]
    public async Task Rule7_Run_after_the_token_was_cancelled_returns_a_canceled_task_without_invoking_the_delegate()
    {
        var invoked = false;
        Task? plain = null;
        Task<int>? typed = null;

        var group = TaskGroup.RunAsync(g =>
        {
            g.Cancel();
            plain = g.Run(_ =>
            {
                invoked = true;
                return Task.CompletedTask;
            });
            typed = g.Run(_ =>
            {
                invoked = true;
                return Task.FromResult(1);
            });
            return Task.CompletedTask;
        });

        await SettleAsync(group);
        Assert.False(invoked);
        Assert.True(plain!.IsCanceled);
        Assert.True(typed!.IsCanceled);
        Assert.True(group.IsCompletedSuccessfully);
    }

    // ---- rule 8: synchronous throws and already-faulted tasks are handled before Run returns -------------

    [Fact]
    public async Task Rule8_a_delegate_throwing_synchronously_cancels_the_group_before_Run_returns()
    {
        var boom = new InvalidOperationException("sync boom");
        var invoked = new List<int>();
        var tasks = new List<Task>();
        var cancelledRightAfterThrowingRun = false;

        var group = TaskGroup.RunAsync(g =>
        {
            for (var i = 0; i < 4; i++)
            {
                var index = i;
                tasks.Add(g.Run(ct =>
                {
                    invoked.Add(index);
                    if (index == 1)
                    {
                        throw boom;
                    }

                    return Task.Delay(Timeout.Infinite, ct);
                }));
                if (index == 1)
                {
                    cancelledRightAfterThrowingRun = g.Token.IsCancellationRequested;
                }
            }

            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(cancelledRightAfterThrowingRun);
        Assert.Equal(new[] { 0, 1 }, invoked);
        Assert.True(tasks[0].IsCanceled);
        Assert.True(tasks[1].IsFaulted);
        Assert.True(tasks[2].IsCanceled);
        Assert.True(tasks[3].IsCanceled);
    }

    [Fact]
    public async Task Rule8_a_delegate_returning_an_already_faulted_task_is_handled_before_Run_returns()
    {
        var boom = new InvalidOperationException("already faulted");
        var invoked = new List<int>();

        var group = TaskGroup.RunAsync(g =>
        {
            for (var i = 0; i < 3; i++)
            {
                var index = i;
                _ = g.Run(ct =>
                {
                    invoked.Add(index);
                    return index == 0 ? Task.FromException<int>(boom) : Task.FromResult(index);
                });
            }

            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.Equal(new[] { 0 }, invoked);
    }

    [Fact]
    public async Task Rule8_a_body_throwing_synchronously_is_a_fault_that_cancels_children()
    {
        var boom = new InvalidOperationException("body threw synchronously");
        Task? child = null;

        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run(ct => Task.Delay(Timeout.Infinite, ct));
            throw boom;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(child!.IsCanceled);
    }

    [Fact]
    public async Task Rule8_faulted_children_that_nobody_awaits_raise_no_UnobservedTaskException()
    {
        var ours = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        var unobserved = new List<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            lock (unobserved)
            {
                unobserved.AddRange(e.Exception.InnerExceptions);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await RunGroupWithUnawaitedFaultsAsync(ours);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            lock (unobserved)
            {
                Assert.DoesNotContain(unobserved, ours.Contains);
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task RunGroupWithUnawaitedFaultsAsync(HashSet<Exception> ours)
    {
        var sync = new InvalidOperationException("sync");
        var later = new InvalidOperationException("async");
        var body = new InvalidOperationException("body");
        ours.UnionWith([sync, later, body]);
        var gate = NewGate();
        var group = TaskGroup.RunAsync(async g =>
        {
            _ = g.Run(async _ =>
            {
                await gate.Task; // ignores the token: faults after the group was cancelled
                throw later;
            });
            _ = g.Run(_ => throw sync);
            gate.SetResult();
            await Task.Yield();
            throw body;
        });
        var fault = await GroupFaultAsync(group);
        Assert.Equal(3, fault.InnerExceptions.Count);
    }

    // ---- rule 9: child results are complete once the group ended; RunAsync<T> returns the body's result --

    [Fact]
    public async Task Rule9_a_child_result_is_available_once_the_group_ended()
    {
        var release = NewGate();
        Task<int>? child = null;

        var group = TaskGroup.RunAsync(g =>
        {
            child = g.Run(async _ =>
            {
                await release.Task;
                return 42;
            });
            return Task.CompletedTask; // the body never awaits the child
        });

        Assert.False(child!.IsCompleted);
        release.SetResult();
        await group.WaitAsync(Guard);
        Assert.True(child.IsCompletedSuccessfully);
        Assert.Equal(42, await child);
    }

    [Fact]
    public async Task Rule9_generic_RunAsync_returns_the_body_result()
    {
        var result = await TaskGroup.RunAsync(async g =>
        {
            var a = g.Run(async _ =>
            {
                await Task.Yield();
                return 20;
            });
            var b = g.Run(_ => Task.FromResult(22));
            return await a + await b;
        }).WaitAsync(Guard);

        Assert.Equal(42, result);
    }

    // ---- rule 10: WhenAll is RunAsync with a body running each child in order ----------------------------

    [Fact]
    public async Task Rule10_WhenAll_runs_each_child_in_order_in_one_group()
    {
        var order = new List<int>();
        var tokens = new List<CancellationToken>();
        var children = Enumerable.Range(0, 3)
            .Select(i => (Func<CancellationToken, Task>)(async ct =>
            {
                order.Add(i);
                tokens.Add(ct);
                await Task.Yield();
            }))
            .ToList();

        await TaskGroup.WhenAll(children, CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(new[] { 0, 1, 2 }, order);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task Rule10_WhenAll_aggregates_faults_cancels_siblings_and_waits_for_all()
    {
        var boom = new InvalidOperationException("boom");
        var slowFinished = false;
        var sibling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var children = new List<Func<CancellationToken, Task>>
        {
            async ct =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    sibling.SetResult();
                    throw;
                }
            },
            async _ =>
            {
                await Task.Delay(100, CancellationToken.None);
                slowFinished = true;
            },
            _ => Task.FromException(boom),
        };

        var group = TaskGroup.WhenAll(children, CancellationToken.None);
        var fault = await GroupFaultAsync(group);
        Assert.Same(boom, Assert.Single(fault.InnerExceptions));
        Assert.True(sibling.Task.IsCompleted);
        Assert.True(slowFinished);
    }

    [Fact]
    public async Task Rule10_WhenAll_ends_canceled_on_caller_cancellation()
    {
        using var caller = new CancellationTokenSource();
        var children = new List<Func<CancellationToken, Task>>
        {
            async ct =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                }
            },
        };

        var group = TaskGroup.WhenAll(children, caller.Token);
        await caller.CancelAsync();
        await SettleAsync(group);
        Assert.True(group.IsCanceled);
    }

    // ---- misc --------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_delegate_returning_null_is_a_fault()
    {
        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(_ => null!);
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.IsType<InvalidOperationException>(Assert.Single(fault.InnerExceptions));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_group_started_with_another_groups_token_finds_it_from_the_tokens_source_or_else_in_the_table(bool direct)
    {
        var before = TaskInternals.ReadsTaskDirectly;
        TaskInternals.ReadsTaskDirectly = direct;
        try
        {
            TaskGroup? outer = null;
            TaskGroup? inner = null;
            await TaskGroup.RunAsync(o =>
            {
                outer = o;
                _ = o.Run(token => TaskGroup.RunAsync(i => { inner = i; return Task.CompletedTask; }, token));
                return Task.CompletedTask;
            });

            Assert.Same(outer, inner!.Parent);
            Assert.Equal(!direct, outer!.Registered); // only where the source cannot be read, or in this test
            Assert.Null(outer.Parent);
        }
        finally
        {
            TaskInternals.ReadsTaskDirectly = before;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_members_token_and_exceptions_are_read_as_await_and_Task_Exception_give_them_with_or_without_the_runtime_accessors(bool direct)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var other = new CancellationTokenSource();
        var source = new TaskCompletionSource();
        source.SetCanceled(cancelled.Token);
        var canceled = new[]
        {
            source.Task,
            Task.FromCanceled(cancelled.Token),
            ThrowsAsync(new OperationCanceledException(other.Token)), // a token nobody cancelled
            ThrowsAsync(new OperationCanceledException()),
            Task.Run(() => cancelled.Token.ThrowIfCancellationRequested(), cancelled.Token),
        };
        var faulted = new[]
        {
            Task.FromException(new InvalidOperationException()),
            ThrowsAsync(new InvalidOperationException()),
            Task.WhenAll(ThrowsAsync(new ArgumentException()), ThrowsAsync(new FormatException())),
        };
        await Task.WhenAll([.. canceled, .. faulted]).ContinueWith(_ => { }, TaskScheduler.Default);

        var before = TaskInternals.ReadsTaskDirectly;
        TaskInternals.ReadsTaskDirectly = direct;
        try
        {
            foreach (var task in canceled)
            {
                Assert.True(task.IsCanceled);
                Assert.Equal(TaskGroup.CancellationOf(task).CancellationToken, TaskInternals.CanceledToken(task));
            }

            foreach (var task in faulted)
            {
                Assert.Equal(task.Exception!.InnerExceptions, TaskInternals.FaultsOf(task));
            }

            Assert.Equal(direct, TaskInternals.ReadsTaskDirectly); // the accessors are there on this runtime
        }
        finally
        {
            TaskInternals.ReadsTaskDirectly = before;
        }

        static async Task ThrowsAsync(Exception exception)
        {
            await Task.Yield();
            throw exception;
        }
    }

    // ---- constraint: continuations stay on the caller's SynchronizationContext ---------------------------

    [Fact]
    public async Task The_group_handles_a_nested_groups_completion_on_the_callers_context_not_the_thread_pool()
    {
        using var pump = new PumpContext();
        var boom = new InvalidOperationException("inner boom");
        var abortThreads = new ConcurrentBag<int>();

        var fault = await pump.RunAsync(async () =>
        {
            var group = TaskGroup.RunAsync(g =>
            {
                // Runs on whichever thread cancels the outer group, i.e. where its fault was handled.
                g.Token.Register(() => abortThreads.Add(Environment.CurrentManagedThreadId));

                // A nested group's task completes "asynchronously" (RunContinuationsAsynchronously), so the outer
                // group cannot handle it inline: it must queue that to the caller's context.
                _ = g.Run(ct => TaskGroup.RunAsync(
                    inner =>
                    {
                        _ = inner.Run(async _ =>
                        {
                            await Task.Yield();
                            throw boom;
                        });
                        return Task.CompletedTask;
                    },
                    ct));
                return Task.CompletedTask;
            });
            await SettleAsync(group);
            return await Assert.ThrowsAsync<TaskGroupException>(() => group);
        }).WaitAsync(Guard);

        Assert.Same(boom, Assert.Single(Assert.IsType<TaskGroupException>(Assert.Single(fault.InnerExceptions)).InnerExceptions));
        Assert.Equal(new[] { pump.ThreadId }, abortThreads);
    }

    /// <summary>A single-threaded SynchronizationContext, like the deterministic runtime's.</summary>
    private sealed class PumpContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
        private readonly Thread _thread;

        public PumpContext()
        {
            _thread = new Thread(() =>
            {
                SetSynchronizationContext(this);
                foreach (var (callback, state) in _queue.GetConsumingEnumerable())
                {
                    callback(state);
                }
            })
            { IsBackground = true };
            _thread.Start();
        }

        public int ThreadId => _thread.ManagedThreadId;

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

        public Task<T> RunAsync<T>(Func<Task<T>> work)
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(
                async _ =>
                {
                    try
                    {
                        result.SetResult(await work());
                    }
                    catch (Exception exception)
                    {
                        result.SetException(exception);
                    }
                },
                null);
            return result.Task;
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            _queue.Dispose();
        }
    }
}
