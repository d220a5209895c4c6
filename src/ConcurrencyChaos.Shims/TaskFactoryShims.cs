namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="TaskFactory.StartNew(Action)"/> and its overloads (<c>Task.Factory.StartNew</c>): inside a
/// run, a task that would go to the thread pool (the factory's or the current scheduler is the default one, or
/// <see cref="TaskScheduler.Default"/> is asked for) is queued on the runtime's scheduler instead. A task for any
/// other scheduler goes to that scheduler, as before.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskFactoryShims
{
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action action)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(action, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action, CancellationToken)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(action, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action, TaskCreationOptions)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action action, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, creationOptions, Schedulers.Requested(factory));
        return factory.StartNew(action, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, creationOptions, scheduler);
        return factory.StartNew(action, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="state">Its state.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(action, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object, CancellationToken)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(action, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object, TaskCreationOptions)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, creationOptions, Schedulers.Requested(factory));
        return factory.StartNew(action, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew(Action{object}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="action">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, creationOptions, scheduler);
        return factory.StartNew(action, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(function, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(function, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, TaskCreationOptions)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, creationOptions, Schedulers.Requested(factory));
        return factory.StartNew(function, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, creationOptions, scheduler);
        return factory.StartNew(function, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="state">Its state.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(function, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, factory.CreationOptions, Schedulers.Requested(factory));
        return factory.StartNew(function, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, TaskCreationOptions)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (factory.CancellationToken, creationOptions, Schedulers.Requested(factory));
        return factory.StartNew(function, state, token, options, Schedulers.Controlled(requested));
    }
    /// <summary>Stands in for <see cref="TaskFactory.StartNew{TResult}(Func{object, TResult}, object, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="function">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the task before it starts.</param>
    /// <param name="creationOptions">The creation options.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>Its task.</returns>
    [Redirects(typeof(TaskFactory), nameof(TaskFactory.StartNew))]
    public static Task<TResult> StartNew<TResult>(TaskFactory factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (token, options, requested) = (cancellationToken, creationOptions, scheduler);
        return factory.StartNew(function, state, token, options, Schedulers.Controlled(requested));
    }
}
