namespace ConcurrencyChaos.Shims;

/// <summary>Shims for <see cref="Task{TResult}"/>: as <see cref="TaskShims"/>, for the generic task's own members.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenericTaskShims
{
    /// <summary>Stands in for <see cref="Task{TResult}.ConfigureAwait(bool)"/>: inside a run, always continues on the captured context.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(Task<>), nameof(Task<int>.ConfigureAwait))]
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);

    /// <summary>Stands in for <see cref="Task{TResult}.ConfigureAwait(ConfigureAwaitOptions)"/>: inside a run, adds <see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="options">The caller's options.</param>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(Task<>), nameof(Task<int>.ConfigureAwait))]
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, ConfigureAwaitOptions options) =>
        task.ConfigureAwait(ControlledRun.Current is null ? options : options | ConfigureAwaitOptions.ContinueOnCapturedContext);

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan)"/>: the timeout runs on the virtual clock inside a run.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task<>), nameof(Task<int>.WaitAsync))]
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout) =>
        task.WaitAsync(timeout, Clocks.Controlled(TimeProvider.System), CancellationToken.None);

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task<>), nameof(Task<int>.WaitAsync))]
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, CancellationToken cancellationToken) =>
        task.WaitAsync(timeout, Clocks.Controlled(TimeProvider.System), cancellationToken);

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan, TimeProvider)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task<>), nameof(Task<int>.WaitAsync))]
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, TimeProvider timeProvider) =>
        task.WaitAsync(timeout, Clocks.Controlled(timeProvider), CancellationToken.None);

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">The timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The task, or a timeout.</returns>
    [Redirects(typeof(Task<>), nameof(Task<int>.WaitAsync))]
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        task.WaitAsync(timeout, Clocks.Controlled(timeProvider), cancellationToken);

    /// <summary>Stands in for <see cref="Task{TResult}.Result"/>: on the runtime thread, reading the result of unfinished work fails at once.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <returns>Its result.</returns>
    [Redirects(typeof(Task<>), "get_Result")]
    public static TResult Result<TResult>(Task<TResult> task)
    {
        Blocking.Check(task, "Task<TResult>.Result");

        return task.Result;

    }
}
