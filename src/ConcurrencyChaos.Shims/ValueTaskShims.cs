namespace ConcurrencyChaos.Shims;

/// <summary>Shims for <see cref="ValueTask"/> and <see cref="ValueTask{TResult}"/>: inside a run, awaits keep the runtime's context.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueTaskShims
{
    /// <summary>Stands in for <see cref="ValueTask.ConfigureAwait(bool)"/>.</summary>
    /// <param name="task">The value task (the call's receiver, by reference).</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(ValueTask), nameof(ValueTask.ConfigureAwait))]
    public static ConfiguredValueTaskAwaitable ConfigureAwait(in ValueTask task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);

    /// <summary>Stands in for <see cref="ValueTask{TResult}.ConfigureAwait(bool)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="task">The value task (the call's receiver, by reference).</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The awaitable.</returns>
    [Redirects(typeof(ValueTask<>), nameof(ValueTask<int>.ConfigureAwait))]
    public static ConfiguredValueTaskAwaitable<TResult> ConfigureAwait<TResult>(in ValueTask<TResult> task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);
}
