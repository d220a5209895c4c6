namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for the <see cref="IAsyncResult"/> overloads of <see cref="TaskFactory.FromAsync(IAsyncResult, Action{IAsyncResult})"/>:
/// inside a run, the end method runs on the runtime's scheduler instead of the thread pool's, and an operation that is a
/// task is waited for without a thread-pool wait (<see cref="ControlledFromAsync"/>). The begin/end overloads need no
/// shim: they call the end method from the operation's own callback, on whatever thread the operation completes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FromAsyncShims
{
    /// <summary>Stands in for <see cref="TaskFactory.FromAsync(IAsyncResult, Action{IAsyncResult})"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.FromAsync))]
    public static Task FromAsync(TaskFactory factory, IAsyncResult asyncResult, Action<IAsyncResult> endMethod)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return FromAsync(factory, asyncResult, endMethod, factory.CreationOptions, Schedulers.Requested(factory));
    }

    /// <summary>Stands in for <see cref="TaskFactory.FromAsync(IAsyncResult, Action{IAsyncResult}, TaskCreationOptions)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it.</param>
    /// <param name="creationOptions">The task's options.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.FromAsync))]
    public static Task FromAsync(TaskFactory factory, IAsyncResult asyncResult, Action<IAsyncResult> endMethod, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return FromAsync(factory, asyncResult, endMethod, creationOptions, Schedulers.Requested(factory));
    }

    /// <summary>Stands in for <see cref="TaskFactory.FromAsync(IAsyncResult, Action{IAsyncResult}, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it.</param>
    /// <param name="creationOptions">The task's options.</param>
    /// <param name="scheduler">Where the end method runs; the default one means the runtime's inside a run.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.FromAsync))]
    public static Task FromAsync(TaskFactory factory, IAsyncResult asyncResult, Action<IAsyncResult> endMethod, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledFromAsync.Begin(asyncResult, scheduler) is { } begin
            ? factory.FromAsync(begin, endMethod, null, ControlledFromAsync.Options(creationOptions))
            : factory.FromAsync(asyncResult, endMethod, creationOptions, Schedulers.Controlled(scheduler));
    }

    /// <summary>Stands in for <see cref="TaskFactory.FromAsync{TResult}(IAsyncResult, Func{IAsyncResult, TResult})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it and returns its result.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.FromAsync))]
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return FromAsync(factory, asyncResult, endMethod, factory.CreationOptions, Schedulers.Requested(factory));
    }

    /// <summary>Stands in for <see cref="TaskFactory.FromAsync{TResult}(IAsyncResult, Func{IAsyncResult, TResult}, TaskCreationOptions)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it and returns its result.</param>
    /// <param name="creationOptions">The task's options.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.FromAsync))]
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return FromAsync(factory, asyncResult, endMethod, creationOptions, Schedulers.Requested(factory));
    }

    /// <summary>Stands in for <see cref="TaskFactory.FromAsync{TResult}(IAsyncResult, Func{IAsyncResult, TResult}, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="asyncResult">The operation.</param>
    /// <param name="endMethod">Ends it and returns its result.</param>
    /// <param name="creationOptions">The task's options.</param>
    /// <param name="scheduler">Where the end method runs; the default one means the runtime's inside a run.</param>
    /// <returns>A task for the operation.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.FromAsync))]
    public static Task<TResult> FromAsync<TResult>(TaskFactory factory, IAsyncResult asyncResult, Func<IAsyncResult, TResult> endMethod, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return ControlledFromAsync.Begin(asyncResult, scheduler) is { } begin
            ? factory.FromAsync(begin, endMethod, null, ControlledFromAsync.Options(creationOptions))
            : factory.FromAsync(asyncResult, endMethod, creationOptions, Schedulers.Controlled(scheduler));
    }
}
