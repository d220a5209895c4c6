namespace ConcurrencyChaos.Shims;

/// <summary>Shims for the <see cref="IAsyncResult"/> overloads of <see cref="TaskFactory{TResult}.FromAsync(IAsyncResult, Func{IAsyncResult, TResult})"/>: as <see cref="FromAsyncShims"/>, for <c>Task&lt;TResult&gt;.Factory</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenericFromAsyncShims
{
    /// <summary>Stands in for <see cref="TaskFactory{TResult}.FromAsync(IAsyncResult, Func{IAsyncResult, TResult})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it and returns its result.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory<>), nameof(TaskFactory<int>.FromAsync))]
    public static Task<TResult> FromAsync<TResult>(TaskFactory<TResult> factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return FromAsync(factory, asyncResult, endMethod, factory.CreationOptions, Schedulers.Requested(factory));
    }

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.FromAsync(IAsyncResult, Func{IAsyncResult, TResult}, TaskCreationOptions)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it and returns its result.</param>
    /// <param name="creationOptions">The task's options.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory<>), nameof(TaskFactory<int>.FromAsync))]
    public static Task<TResult> FromAsync<TResult>(TaskFactory<TResult> factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return FromAsync(factory, asyncResult, endMethod, creationOptions, Schedulers.Requested(factory));
    }

    /// <summary>Stands in for <see cref="TaskFactory{TResult}.FromAsync(IAsyncResult, Func{IAsyncResult, TResult}, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it and returns its result.</param>
    /// <param name="creationOptions">The task's options.</param>
    /// <param name="scheduler">Where the end method runs; the default one means the runtime's inside a run.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory<>), nameof(TaskFactory<int>.FromAsync))]
    public static Task<TResult> FromAsync<TResult>(TaskFactory<TResult> factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledFromAsync.Begin(asyncResult, scheduler) is { } begin
            ? factory.FromAsync(begin, endMethod, null, ControlledFromAsync.Options(creationOptions))
            : factory.FromAsync(asyncResult, endMethod, creationOptions, Schedulers.Controlled(scheduler));
    }
}
