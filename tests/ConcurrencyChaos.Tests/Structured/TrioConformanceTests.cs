using System.Runtime.CompilerServices;
using static ConcurrencyChaos.Tests.Structured.GroupTesting;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>
/// Trio's nursery tests in <c>src/trio/_core/_tests/test_run.py</c>, translated by behaviour (written fresh); each
/// test is named after the one it translates. A nursery is a <see cref="TaskGroup"/>, <c>start_soon</c> is
/// <c>Run</c>, <c>start</c> is <c>StartAsync</c>, <c>task_status.started</c> is <see cref="StartedSignal.Signal()"/>,
/// <c>nursery.cancel_scope.cancel()</c> is <see cref="TaskGroup.Cancel"/>, and an enclosing cancel scope is the
/// caller's token. Errors always arrive in a group, as with Trio's strict exception groups.
/// </summary>
/// <remarks>
/// Not translated: cancel scopes with shields and deadlines, the run loop, TrioToken, system tasks, KI protection,
/// coroutine detaching and garbage-collection details (no .NET counterpart), test_basic_interleave (the thread pool
/// promises no interleaving), test_nursery_stop_iteration and test_nursery_explicit_exception (the same behaviour as
/// main_and_task_both_crash and main_block_error_basic), and the non-strict exception group modes.
/// </remarks>
public sealed class TrioConformanceTests
{
    [Fact]
    public async Task Nursery_main_block_error_basic_the_body_error_arrives_in_the_group()
    {
        var exc = new ArgumentException("whoops");
        var fault = await GroupFaultAsync(TaskGroup.RunAsync(_ => throw exc));
        Assert.Same(exc, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Child_crash_basic_the_child_error_arrives_in_the_group()
    {
        var myExc = new ArgumentException("uh oh");
        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(_ => FailSoonAsync(myExc));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Same(myExc, Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Task_crash_propagation_a_crash_cancels_a_looping_sibling_that_then_returns()
    {
        var looperRecord = new List<string>();
        var crashNow = NewGate();

        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(async ct =>
            {
                try
                {
                    crashNow.SetResult();
                    while (true)
                    {
                        await Task.Delay(1, ct);
                    }
                }
                catch (OperationCanceledException)
                {
                    looperRecord.Add("cancelled"); // and returns normally
                }
            });
            _ = g.Run(async _ =>
            {
                await crashNow.Task;
                throw new ArgumentException("argh");
            });
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal("argh", Assert.IsType<ArgumentException>(Assert.Single(fault.InnerExceptions)).Message);
        Assert.Equal(["cancelled"], looperRecord);
    }

    [Fact]
    public async Task Main_and_task_both_crash_both_errors_arrive()
    {
        var group = TaskGroup.RunAsync(g =>
        {
            _ = g.Run(_ => Task.FromException(new ArgumentException()));
            throw new KeyNotFoundException();
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(new HashSet<Type> { typeof(ArgumentException), typeof(KeyNotFoundException) }, ErrorTypes(fault));
    }

    [Fact]
    public async Task Two_child_crashes_both_errors_arrive()
    {
        var crashNow = NewGate();
        var group = TaskGroup.RunAsync(g =>
        {
            // Both ignore their token, so the second still crashes after the first cancelled the group.
            _ = g.Run(async _ =>
            {
                await crashNow.Task;
                throw new KeyNotFoundException();
            });
            _ = g.Run(async _ =>
            {
                await crashNow.Task;
                throw new ArgumentException();
            });
            crashNow.SetResult();
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(new HashSet<Type> { typeof(ArgumentException), typeof(KeyNotFoundException) }, ErrorTypes(fault));
    }

    [Fact]
    public async Task Child_crash_wakes_parent_a_child_crash_cancels_the_sleeping_body()
    {
        var group = TaskGroup.RunAsync(async g =>
        {
            _ = g.Run(_ => FailSoonAsync(new ArgumentException("this is a crash")));
            await Task.Delay(Timeout.Infinite, g.Token);
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal("this is a crash", Assert.Single(fault.InnerExceptions).Message);
    }

    [Fact]
    public async Task Cancel_inheritance_cancelling_a_group_reaches_the_leaves_of_its_nested_groups()
    {
        var record = new HashSet<string>();

        Task LeafAsync(string ident, CancellationToken token) => SwallowCancellationAsync(token, () =>
        {
            lock (record)
            {
                record.Add(ident);
            }
        });

        Task WorkerAsync(string ident, CancellationToken token) => TaskGroup.RunAsync(
            nursery =>
            {
                _ = nursery.Run(ct => LeafAsync(ident + "-l1", ct));
                _ = nursery.Run(ct => LeafAsync(ident + "-l2", ct));
                return Task.CompletedTask;
            },
            token);

        var group = TaskGroup.RunAsync(nursery =>
        {
            _ = nursery.Run(ct => WorkerAsync("w1", ct));
            _ = nursery.Run(ct => WorkerAsync("w2", ct));
            nursery.Cancel();
            return Task.CompletedTask;
        });

        await GroupSucceededAsync(group);
        Assert.Equal(new HashSet<string> { "w1-l1", "w1-l2", "w2-l1", "w2-l2" }, record);
    }

    [Fact]
    public async Task Cancel_scope_exceptiongroup_filtering_only_the_real_error_survives_both_cancellations()
    {
        using var outer = new CancellationTokenSource();
        var crashNow = NewGate();

        var group = TaskGroup.RunAsync(
            async nursery =>
            {
                _ = nursery.Run(ct => Task.Delay(Timeout.Infinite, ct)); // t1
                _ = nursery.Run(ct => Task.Delay(Timeout.Infinite, ct)); // t2
                var crasher = nursery.Run(async _ =>
                {
                    await crashNow.Task;
                    throw new KeyNotFoundException();
                });
                nursery.Cancel();
                await outer.CancelAsync();
                crashNow.SetResult();
                await Ended(crasher);
            },
            outer.Token);

        var fault = await GroupFaultAsync(group);
        Assert.IsType<KeyNotFoundException>(Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Precancelled_task_a_child_started_in_a_cancelled_group_is_not_invoked()
    {
        // Trio starts a task spawned into a cancelled nursery, and it gets Cancelled at its first checkpoint. A .NET
        // group does not invoke it at all: Run returns an already canceled task (as asyncio refuses create_task while
        // shutting down), so no child code runs after the group was told to stop.
        var record = new List<string>();
        Task? blocker = null;

        var group = TaskGroup.RunAsync(nursery =>
        {
            nursery.Cancel();
            blocker = nursery.Run(ct =>
            {
                record.Add("started");
                return Task.Delay(Timeout.Infinite, ct);
            });
            return Task.CompletedTask;
        });

        await GroupSucceededAsync(group);
        Assert.Empty(record);
        Assert.True(blocker!.IsCanceled);
    }

    [Fact]
    public async Task Nursery_closure_children_may_start_siblings_while_the_group_joins_but_not_once_it_ended()
    {
        var child2Ran = false;
        TaskGroup? nursery = null;

        await TaskGroup.RunAsync(n =>
        {
            nursery = n;
            _ = n.Run(async ct =>
            {
                await Task.Yield(); // the body has returned: the group is joining
                _ = n.Run(_ =>
                {
                    child2Ran = true;
                    return Task.CompletedTask;
                });
            });
            return Task.CompletedTask;
        }).WaitAsync(Guard);

        Assert.True(child2Ran);
        Assert.Throws<InvalidOperationException>(() =>
        {
            _ = nursery!.Run(_ => Task.CompletedTask);
        });
    }

    [Fact]
    public async Task Spawn_name_failures_name_each_child_by_name_and_start_order()
    {
        var crashNow = NewGate();
        var group = TaskGroup.RunAsync(nursery =>
        {
            _ = nursery.Run("func1", _ => CrashAsync(crashNow.Task, new ArgumentException("1")));
            _ = nursery.Run(_ => CrashAsync(crashNow.Task, new ArgumentException("2")));
            _ = nursery.StartAsync("func3", async (started, _) =>
            {
                started.Signal();
                await CrashAsync(crashNow.Task, new ArgumentException("3"));
            });
            crashNow.SetResult();
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        var byMessage = fault.Failures.ToDictionary(f => f.Exception.Message);
        Assert.Equal((0, "func1"), (byMessage["1"].ChildIndex, byMessage["1"].ChildName));
        Assert.Equal((1, (string?)null), (byMessage["2"].ChildIndex, byMessage["2"].ChildName));
        Assert.Equal((2, "func3"), (byMessage["3"].ChildIndex, byMessage["3"].ChildName));
        Assert.All(fault.Failures, f => Assert.False(f.IsBody));
    }

    [Fact]
    public async Task Nursery_start_errors_in_calling_convention_are_raised_at_once()
    {
        await TaskGroup.RunAsync(nursery =>
        {
            Assert.Throws<ArgumentNullException>(() =>
            {
                _ = nursery.StartAsync(null!);
            });
            Assert.Throws<ArgumentNullException>(() =>
            {
                _ = nursery.StartAsync<int>(null!);
            });
            return Task.CompletedTask;
        }).WaitAsync(Guard);
    }

    [Fact]
    public async Task Nursery_start_waits_for_the_signal_returns_its_value_and_the_group_waits_for_the_child()
    {
        var beforeStarted = NewGate();
        var afterStarted = NewGate();
        Task<int>? start = null;

        var group = TaskGroup.RunAsync(async nursery =>
        {
            start = nursery.StartAsync<int>(async (started, _) =>
            {
                await beforeStarted.Task;
                started.Signal(7);
                await afterStarted.Task;
            });
            Assert.False(start.IsCompleted);
            beforeStarted.SetResult();
            Assert.Equal(7, await start);
        });

        await Task.Delay(20);
        Assert.True(start!.IsCompletedSuccessfully);
        Assert.False(group.IsCompleted); // the started child still runs in the group
        afterStarted.SetResult();
        await GroupSucceededAsync(group);
    }

    [Fact]
    public async Task Nursery_start_calling_started_twice_throws()
    {
        Exception? second = null;
        await TaskGroup.RunAsync(nursery => nursery.StartAsync((started, _) =>
        {
            started.Signal();
            second = Record.Exception(started.Signal);
            return Task.CompletedTask;
        })).WaitAsync(Guard);

        Assert.IsType<InvalidOperationException>(second);
    }

    [Fact]
    public async Task Nursery_start_a_crash_before_started_comes_out_of_StartAsync_and_spares_the_group()
    {
        await TaskGroup.RunAsync(async nursery =>
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => nursery.StartAsync(async (_, _) =>
            {
                await Task.Yield();
                throw new KeyNotFoundException("oops");
            }));
        }).WaitAsync(Guard);
    }

    [Fact]
    public async Task Nursery_start_a_child_exiting_without_calling_started_makes_StartAsync_throw()
    {
        await TaskGroup.RunAsync(async nursery =>
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => nursery.StartAsync((_, _) => Task.CompletedTask));
            Assert.Contains("without signalling", error.Message, StringComparison.Ordinal);
        }).WaitAsync(Guard);
    }

    [Fact]
    public async Task Nursery_start_in_a_cancelled_group_is_canceled_without_running_the_child()
    {
        // Trio runs the child under start()'s cancelled scope and start() raises Cancelled; here, as for Run, the
        // child of a group being cancelled is not invoked, and StartAsync ends canceled.
        var invoked = false;
        await TaskGroup.RunAsync(async nursery =>
        {
            nursery.Cancel();
            var start = nursery.StartAsync<string>((started, _) =>
            {
                invoked = true;
                started.Signal("hi");
                return Task.CompletedTask;
            });
            await SettleAsync(start);
            Assert.True(start.IsCanceled);
        }).WaitAsync(Guard);

        Assert.False(invoked);
    }

    [Fact]
    public async Task Nursery_start_a_crash_after_started_is_the_groups()
    {
        // Trio's raise_keyerror_after_started: once started, the child is the group's like any other; its error goes
        // to the group, not to StartAsync (which has already returned).
        var group = TaskGroup.RunAsync(async nursery =>
        {
            await nursery.StartAsync(async (started, _) =>
            {
                started.Signal();
                await Task.Yield();
                throw new KeyNotFoundException("whoopsiedaisy");
            });
        });

        var fault = await GroupFaultAsync(group);
        Assert.IsType<KeyNotFoundException>(Assert.Single(fault.InnerExceptions));
    }

    [Fact]
    public async Task Nursery_start_in_a_closed_group_throws_at_once()
    {
        TaskGroup? closed = null;
        await TaskGroup.RunAsync(nursery =>
        {
            closed = nursery;
            return Task.CompletedTask;
        }).WaitAsync(Guard);

        var invoked = false;
        Assert.Throws<InvalidOperationException>(() =>
        {
            _ = closed!.StartAsync((_, _) =>
            {
                invoked = true;
                return Task.CompletedTask;
            });
        });
        Assert.False(invoked);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nursery_start_with_cancelled_nursery_cancelling_the_target_just_before_or_after_started(bool before)
    {
        var sleepersCancelled = 0;

        var group = TaskGroup.RunAsync(async nursery =>
        {
            var target = await nursery.StartAsync<TaskGroup>((started, ct) => TaskGroup.RunAsync(
                async target =>
                {
                    started.Signal(target);
                    await Task.Delay(Timeout.Infinite, target.Token);
                },
                ct));

            await target.StartAsync((started, targetToken) => TaskGroup.RunAsync(
                sleeping =>
                {
                    for (var i = 0; i < 2; i++)
                    {
                        _ = sleeping.Run(ct => SwallowCancellationAsync(ct, () => Interlocked.Increment(ref sleepersCancelled)));
                    }

                    if (before)
                    {
                        target.Cancel();
                    }

                    started.Signal();
                    return Task.CompletedTask;
                },
                targetToken));

            if (!before)
            {
                target.Cancel();
            }
        });

        await GroupSucceededAsync(group);
        Assert.Equal(2, sleepersCancelled);
    }

    [Fact]
    public async Task Nursery_start_keeps_nursery_open_a_pending_start_keeps_its_target_group_open()
    {
        var signal = NewGate();
        var finish = NewGate();

        var nursery2 = TaskGroup.RunAsync(n2 =>
        {
            _ = n2.StartAsync(async (started, _) =>
            {
                await signal.Task;
                started.Signal();
                await finish.Task;
            });
            return Task.CompletedTask; // nothing but the pending start keeps this group open
        });

        await Task.Delay(20);
        Assert.False(nursery2.IsCompleted);
        signal.SetResult();
        await Task.Delay(20);
        Assert.False(nursery2.IsCompleted);
        finish.SetResult();
        await GroupSucceededAsync(nursery2);
    }

    [Fact]
    public async Task Nursery_start_keeps_nursery_open_even_if_the_pending_child_crashes_before_entering_it()
    {
        var crash = NewGate();
        Task? start = null;

        var nursery2 = TaskGroup.RunAsync(n2 =>
        {
            start = n2.StartAsync(async (_, _) =>
            {
                await crash.Task;
                throw new KeyNotFoundException();
            });
            return Task.CompletedTask;
        });

        await Task.Delay(20);
        Assert.False(nursery2.IsCompleted);
        crash.SetResult();
        await GroupSucceededAsync(nursery2); // the crash was StartAsync's
        await Assert.ThrowsAsync<KeyNotFoundException>(() => start!);
    }

    [Fact]
    public async Task Traceback_frame_removal_each_error_keeps_the_childs_own_stack_trace()
    {
        var crashNow = NewGate();
        var group = TaskGroup.RunAsync(nursery =>
        {
            _ = nursery.Run(_ => MyChildTaskAsync(crashNow.Task));
            _ = nursery.Run(_ => MyChildTaskAsync(crashNow.Task));
            crashNow.SetResult();
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal(2, fault.InnerExceptions.Count);
        Assert.All(fault.InnerExceptions, e =>
        {
            Assert.IsType<KeyNotFoundException>(e);
            Assert.StartsWith($"   at {typeof(TrioConformanceTests).FullName}.{nameof(MyChildTaskAsync)}", e.StackTrace, StringComparison.Ordinal);
        });
    }

    private static readonly AsyncLocal<string?> Var = new();

    [Fact]
    public async Task Contextvar_multitask_each_child_sees_the_context_of_its_start()
    {
        string? t1Saw = null;
        string? t2Saw = null;

        await Task.Run(() => TaskGroup.RunAsync(async n =>
        {
            await n.Run(async _ =>
            {
                await Task.Yield();
                t1Saw = Var.Value ?? "hmmm";
                Var.Value = "hmmmm";
            });
            Assert.Null(Var.Value);
            Var.Value = "hmmmm";
            await n.Run(async _ =>
            {
                await Task.Yield();
                t2Saw = Var.Value;
            });
        })).WaitAsync(Guard);

        Assert.Equal("hmmm", t1Saw);
        Assert.Equal("hmmmm", t2Saw);
    }

    [Fact]
    public async Task Setting_strict_exception_groups_a_single_error_still_arrives_in_a_group()
    {
        // Trio can collapse a lone error (strict_exception_groups=False); a TaskGroup is always strict.
        var group = TaskGroup.RunAsync(n =>
        {
            _ = n.Run(_ => Task.FromException(new InvalidOperationException("test error")));
            return Task.CompletedTask;
        });

        var fault = await GroupFaultAsync(group);
        Assert.Equal("test error", Assert.Single(fault.InnerExceptions).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Trio_run_strict_before_started_an_error_before_started_is_not_wrapped_one_after_is(bool raiseAfterStarted)
    {
        var raiserExc = new ArgumentException();

        async Task StartRaiserAsync() => await TaskGroup.RunAsync(async nursery =>
        {
            await nursery.StartAsync(async (started, _) =>
            {
                if (raiseAfterStarted)
                {
                    started.Signal();
                }

                await Task.Yield();
                throw raiserExc;
            });
        });

        // Either way the exception leaves StartRaiserAsync in the group's TaskGroupException: before started, the
        // body's await of StartAsync rethrows it (unwrapped), and the body's error joins the group.
        var fault = await Assert.ThrowsAsync<TaskGroupException>(StartRaiserAsync).WaitAsync(Guard);
        var failure = Assert.Single(fault.Failures);
        Assert.Same(raiserExc, failure.Exception);
        Assert.Equal(!raiseAfterStarted, failure.IsBody);
    }

    [Fact]
    public async Task Failed_abort_the_group_waits_for_a_child_that_stops_only_when_it_can()
    {
        var record = new List<string>();
        var wake = NewGate();

        var group = TaskGroup.RunAsync(async nursery =>
        {
            _ = nursery.Run(async ct =>
            {
                record.Add("sleep");
                await wake.Task; // cannot be aborted
                record.Add("woke");
                if (ct.IsCancellationRequested)
                {
                    record.Add("cancelled");
                }
            });
            await Task.Yield();
            nursery.Cancel();
        });

        await Task.Delay(20);
        Assert.False(group.IsCompleted);
        Assert.Equal(["sleep"], record);
        wake.SetResult();
        await GroupSucceededAsync(group);
        Assert.Equal(["sleep", "woke", "cancelled"], record);
    }

    [Fact]
    public async Task Nursery_cancel_doesnt_create_cyclic_garbage_a_cancelled_group_is_collectable_once_it_ended()
    {
        // Trio checks for reference cycles; .NET collects cycles, so what matters here is that nothing (the
        // registry of running groups, a token registration) keeps an ended group alive.
        var group = await RunCancelledGroupAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(group.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> RunCancelledGroupAsync()
    {
        using var caller = new CancellationTokenSource();
        WeakReference? captured = null;
        await TaskGroup.RunAsync(
            nursery =>
            {
                captured = new WeakReference(nursery);
                nursery.Cancel();
                return Task.CompletedTask;
            },
            caller.Token).WaitAsync(Guard);
        return captured!;
    }

    private static async Task MyChildTaskAsync(Task gate)
    {
        await gate;
        throw new KeyNotFoundException();
    }

    private static async Task CrashAsync(Task gate, Exception error)
    {
        await gate;
        throw error;
    }

    private static async Task SwallowCancellationAsync(CancellationToken token, Action record)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            record();
        }
    }
}
