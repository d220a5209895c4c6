namespace ConcurrencyChaos.Shims;

// Task.Run takes functions that may return null; Unwrap then gives a canceled task. Same here.
#pragma warning disable CS8620

/// <summary>
/// Shims for <see cref="Task"/>: inside a controlled run, awaits keep the runtime's context, tasks start on the
/// runtime's scheduler, delays and timeouts run on the virtual clock, and blocking waits on unfinished work fail
/// at once, naming the API. Outside a run each calls the original.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskShims
{
    /// <summary>Stands in for <see cref="Task.ConfigureAwait(bool)"/>: inside a run, always continues on the captured context.</summary>
    /// <param name="task">The task.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(Task), nameof(Task.ConfigureAwait))]
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);

    /// <summary>Stands in for <see cref="Task.ConfigureAwait(ConfigureAwaitOptions)"/>: inside a run, adds <see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/> and keeps the other options.</summary>
    /// <param name="task">The task.</param>
    /// <param name="options">The caller's options.</param>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(Task), nameof(Task.ConfigureAwait))]
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, ConfigureAwaitOptions options) =>
        task.ConfigureAwait(ControlledRun.Current is null ? options : options | ConfigureAwaitOptions.ContinueOnCapturedContext);

    /// <summary>Stands in for <see cref="Task.Run(Action)"/>: inside a run, queued on the runtime's scheduler.</summary>
    /// <param name="action">The work.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Run(Action, CancellationToken)"/>.</summary>
    /// <param name="action">The work.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task Run(Action action, CancellationToken cancellationToken) => ControlledRun.Current is { } run
        ? Task.Factory.StartNew(action, cancellationToken, TaskCreationOptions.DenyChildAttach, run.Scheduler)
        : Task.Run(action, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Run(Func{Task})"/>.</summary>
    /// <param name="function">The async work.</param>
    /// <returns>A proxy for the task it returns.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task Run(Func<Task?> function) => Run(function, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Run(Func{Task}, CancellationToken)"/>.</summary>
    /// <param name="function">The async work.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started.</param>
    /// <returns>A proxy for the task it returns.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken) => ControlledRun.Current is { } run
        ? Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, run.Scheduler).Unwrap()
        : Task.Run(function, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{TResult})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task<TResult> Run<TResult>(Func<TResult> function) => Run(function, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{TResult}, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken) => ControlledRun.Current is { } run
        ? Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, run.Scheduler)
        : Task.Run(function, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{Task{TResult}})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The async work.</param>
    /// <returns>A proxy for the task it returns.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function) => Run(function, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{Task{TResult}}, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The async work.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started.</param>
    /// <returns>A proxy for the task it returns.</returns>
    [Redirects(typeof(Task), nameof(Task.Run))]
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken) => ControlledRun.Current is { } run
        ? Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, run.Scheduler).Unwrap()
        : Task.Run(function, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Delay(int)"/>: inside a run, on the virtual clock.</summary>
    /// <param name="millisecondsDelay">The delay; -1 waits forever.</param>
    /// <returns>The delay's task.</returns>
    [Redirects(typeof(Task), nameof(Task.Delay))]
    public static Task Delay(int millisecondsDelay) => Delay(millisecondsDelay, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Delay(int, CancellationToken)"/>.</summary>
    /// <param name="millisecondsDelay">The delay; -1 waits forever.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <returns>The delay's task.</returns>
    [Redirects(typeof(Task), nameof(Task.Delay))]
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken) =>
        ControlledRun.Current is { } run && millisecondsDelay >= Timeout.Infinite
            ? Task.Delay(TimeSpan.FromMilliseconds(millisecondsDelay), run.Clock, cancellationToken)
            : Task.Delay(millisecondsDelay, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan)"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The delay's task.</returns>
    [Redirects(typeof(Task), nameof(Task.Delay))]
    public static Task Delay(TimeSpan delay) => Delay(delay, TimeProvider.System, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <returns>The delay's task.</returns>
    [Redirects(typeof(Task), nameof(Task.Delay))]
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Delay(delay, TimeProvider.System, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan, TimeProvider)"/>: the system clock becomes the virtual one inside a run.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The delay's task.</returns>
    [Redirects(typeof(Task), nameof(Task.Delay))]
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider) => Delay(delay, timeProvider, CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <returns>The delay's task.</returns>
    [Redirects(typeof(Task), nameof(Task.Delay))]
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Task.Delay(delay, Clocks.Controlled(timeProvider), cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan)"/>: the timeout runs on the virtual clock inside a run.</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAsync))]
    public static Task WaitAsync(Task task, TimeSpan timeout) => task.WaitAsync(timeout, Clocks.Controlled(TimeProvider.System), CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAsync))]
    public static Task WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken) =>
        task.WaitAsync(timeout, Clocks.Controlled(TimeProvider.System), cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan, TimeProvider)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAsync))]
    public static Task WaitAsync(Task task, TimeSpan timeout, TimeProvider timeProvider) =>
        task.WaitAsync(timeout, Clocks.Controlled(timeProvider), CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAsync))]
    public static Task WaitAsync(Task task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        task.WaitAsync(timeout, Clocks.Controlled(timeProvider), cancellationToken);

    /// <summary>
    /// Stands in for <see cref="Task.Yield"/>. Inside a run on the runtime thread with no context (a timer's
    /// callback), sets the runtime's context first, so the yield is posted to it rather than to the thread pool.
    /// </summary>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(Task), nameof(Task.Yield))]
    public static YieldAwaitable Yield()
    {
        if (ControlledRun.Current is { OnRuntimeThread: true } run && SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default)
        {
            SynchronizationContext.SetSynchronizationContext(run.Context);
        }

        return Task.Yield();
    }

    /// <summary>Stands in for <see cref="Task.WhenEach(Task[])"/>: inside a run, yields the tasks as they complete without leaving the runtime.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The tasks in completion order.</returns>
    [Redirects(typeof(Task), nameof(Task.WhenEach))]
    public static IAsyncEnumerable<Task> WhenEach(params Task[] tasks) =>
        ControlledRun.Current is null ? Task.WhenEach(tasks) : ControlledWhenEach.Of(tasks);

    /// <summary>Stands in for <see cref="Task.WhenEach(ReadOnlySpan{Task})"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The tasks in completion order.</returns>
    [Redirects(typeof(Task), nameof(Task.WhenEach))]
    public static IAsyncEnumerable<Task> WhenEach(params ReadOnlySpan<Task> tasks) =>
        ControlledRun.Current is null ? Task.WhenEach(tasks) : ControlledWhenEach.Of(tasks.ToArray());

    /// <summary>Stands in for <see cref="Task.WhenEach(IEnumerable{Task})"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The tasks in completion order.</returns>
    [Redirects(typeof(Task), nameof(Task.WhenEach))]
    public static IAsyncEnumerable<Task> WhenEach(IEnumerable<Task> tasks) =>
        ControlledRun.Current is null ? Task.WhenEach(tasks) : ControlledWhenEach.Of(ControlledWhenEach.ToArray(tasks));

    /// <summary>Stands in for <see cref="Task.WhenEach{TResult}(Task{TResult}[])"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The tasks in completion order.</returns>
    [Redirects(typeof(Task), nameof(Task.WhenEach))]
    public static IAsyncEnumerable<Task<TResult>> WhenEach<TResult>(params Task<TResult>[] tasks) =>
        ControlledRun.Current is null ? Task.WhenEach(tasks) : ControlledWhenEach.Of(tasks);

    /// <summary>Stands in for <see cref="Task.WhenEach{TResult}(ReadOnlySpan{Task{TResult}})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The tasks in completion order.</returns>
    [Redirects(typeof(Task), nameof(Task.WhenEach))]
    public static IAsyncEnumerable<Task<TResult>> WhenEach<TResult>(params ReadOnlySpan<Task<TResult>> tasks) =>
        ControlledRun.Current is null ? Task.WhenEach(tasks) : ControlledWhenEach.Of(tasks.ToArray());

    /// <summary>Stands in for <see cref="Task.WhenEach{TResult}(IEnumerable{Task{TResult}})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The tasks in completion order.</returns>
    [Redirects(typeof(Task), nameof(Task.WhenEach))]
    public static IAsyncEnumerable<Task<TResult>> WhenEach<TResult>(IEnumerable<Task<TResult>> tasks) =>
        ControlledRun.Current is null ? Task.WhenEach(tasks) : ControlledWhenEach.Of(ControlledWhenEach.ToArray(tasks));

    /// <summary>Stands in for <see cref="Task.Wait()"/>: on the runtime thread, waiting for unfinished work fails at once.</summary>
    /// <param name="task">The task.</param>
    [Redirects(typeof(Task), nameof(Task.Wait))]
    public static void Wait(Task task)
    {
        Blocking.Check(task, "Task.Wait");
        task.Wait();
    }

    /// <summary>Stands in for <see cref="Task.Wait(int)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <returns>Whether the task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.Wait))]
    public static bool Wait(Task task, int millisecondsTimeout)
    {
        Blocking.Check(task, "Task.Wait", Blocking.WouldWait(millisecondsTimeout));
        return task.Wait(millisecondsTimeout);
    }

    /// <summary>Stands in for <see cref="Task.Wait(TimeSpan)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <returns>Whether the task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.Wait))]
    public static bool Wait(Task task, TimeSpan timeout)
    {
        Blocking.Check(task, "Task.Wait", Blocking.WouldWait(timeout));
        return task.Wait(timeout);
    }

    /// <summary>Stands in for <see cref="Task.Wait(CancellationToken)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [Redirects(typeof(Task), nameof(Task.Wait))]
    public static void Wait(Task task, CancellationToken cancellationToken)
    {
        Blocking.Check(task, "Task.Wait", Blocking.WouldWait(Timeout.Infinite, cancellationToken));
        task.Wait(cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.Wait(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.Wait))]
    public static bool Wait(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Blocking.Check(task, "Task.Wait", Blocking.WouldWait(timeout, cancellationToken));
        return task.Wait(timeout, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.Wait(int, CancellationToken)"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.Wait))]
    public static bool Wait(Task task, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        Blocking.Check(task, "Task.Wait", Blocking.WouldWait(millisecondsTimeout, cancellationToken));
        return task.Wait(millisecondsTimeout, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[])"/>: on the runtime thread, waiting for unfinished work fails at once.</summary>
    /// <param name="tasks">The tasks.</param>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static void WaitAll(params Task[] tasks)
    {
        Blocking.Check(tasks, all: true, "Task.WaitAll");
        Task.WaitAll(tasks);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], int)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <returns>Whether every task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout)
    {
        Blocking.Check(tasks, all: true, "Task.WaitAll", Blocking.WouldWait(millisecondsTimeout));
        return Task.WaitAll(tasks, millisecondsTimeout);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], TimeSpan)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="timeout">The timeout.</param>
    /// <returns>Whether every task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static bool WaitAll(Task[] tasks, TimeSpan timeout)
    {
        Blocking.Check(tasks, all: true, "Task.WaitAll", Blocking.WouldWait(timeout));
        return Task.WaitAll(tasks, timeout);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], CancellationToken)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static void WaitAll(Task[] tasks, CancellationToken cancellationToken)
    {
        Blocking.Check(tasks, all: true, "Task.WaitAll", Blocking.WouldWait(Timeout.Infinite, cancellationToken));
        Task.WaitAll(tasks, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], int, CancellationToken)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether every task completed.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        Blocking.Check(tasks, all: true, "Task.WaitAll", Blocking.WouldWait(millisecondsTimeout, cancellationToken));
        return Task.WaitAll(tasks, millisecondsTimeout, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(ReadOnlySpan{Task})"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static void WaitAll(params ReadOnlySpan<Task> tasks)
    {
        Blocking.Check(tasks, all: true, "Task.WaitAll");
        Task.WaitAll(tasks);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(IEnumerable{Task}, CancellationToken)"/>; the sequence is read once, as the original reads it.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [Redirects(typeof(Task), nameof(Task.WaitAll))]
    public static void WaitAll(IEnumerable<Task> tasks, CancellationToken cancellationToken)
    {
        if (ControlledRun.Current is null || tasks is null)
        {
            Task.WaitAll(tasks!, cancellationToken);
            return;
        }

        Task[] read = [.. tasks];
        Blocking.Check(read, all: true, "Task.WaitAll", Blocking.WouldWait(Timeout.Infinite, cancellationToken));
        Task.WaitAll(read, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[])"/>: on the runtime thread, waiting while every task is unfinished fails at once.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <returns>The index of a completed task.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAny))]
    public static int WaitAny(params Task[] tasks)
    {
        Blocking.Check(tasks, all: false, "Task.WaitAny");
        return Task.WaitAny(tasks);
    }

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], int)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <returns>The index of a completed task, or -1.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAny))]
    public static int WaitAny(Task[] tasks, int millisecondsTimeout)
    {
        Blocking.Check(tasks, all: false, "Task.WaitAny", Blocking.WouldWait(millisecondsTimeout));
        return Task.WaitAny(tasks, millisecondsTimeout);
    }

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], TimeSpan)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The index of a completed task, or -1.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAny))]
    public static int WaitAny(Task[] tasks, TimeSpan timeout)
    {
        Blocking.Check(tasks, all: false, "Task.WaitAny", Blocking.WouldWait(timeout));
        return Task.WaitAny(tasks, timeout);
    }

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], CancellationToken)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The index of a completed task.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAny))]
    public static int WaitAny(Task[] tasks, CancellationToken cancellationToken)
    {
        Blocking.Check(tasks, all: false, "Task.WaitAny", Blocking.WouldWait(Timeout.Infinite, cancellationToken));
        return Task.WaitAny(tasks, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], int, CancellationToken)"/>.</summary>
    /// <param name="tasks">The tasks.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The index of a completed task, or -1.</returns>
    [Redirects(typeof(Task), nameof(Task.WaitAny))]
    public static int WaitAny(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        Blocking.Check(tasks, all: false, "Task.WaitAny", Blocking.WouldWait(millisecondsTimeout, cancellationToken));
        return Task.WaitAny(tasks, millisecondsTimeout, cancellationToken);
    }
}
