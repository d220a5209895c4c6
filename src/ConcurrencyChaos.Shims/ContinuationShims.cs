namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="Task.ContinueWith(Action{Task})"/> and its overloads: a continuation without a scheduler runs on
/// <see cref="TaskScheduler.Current"/>, which is the thread pool unless the caller is itself a task of another scheduler.
/// Inside a run, a continuation that would go to the thread pool (no scheduler, or <see cref="TaskScheduler.Default"/>)
/// is queued on the runtime's scheduler instead; any other scheduler is kept. Options, token and state are passed on.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ContinuationShims
{
    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task})"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task> continuationAction) =>
        task.ContinueWith(continuationAction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task}, CancellationToken)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationAction, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task}, TaskContinuationOptions)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationAction, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task}, TaskScheduler)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task, object}, object)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task, object?> continuationAction, object? state) =>
        task.ContinueWith(continuationAction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task, object}, object, CancellationToken)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task, object?> continuationAction, object? state, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationAction, state, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task, object}, object, TaskContinuationOptions)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task, object?> continuationAction, object? state, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationAction, state, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task, object}, object, TaskScheduler)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task, object?> continuationAction, object? state, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith(Action{Task, object}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task ContinueWith(Task task, Action<Task, object?> continuationAction, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, state, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, TResult})"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction) =>
        task.ContinueWith(continuationFunction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, TResult}, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationFunction, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, TResult}, TaskContinuationOptions)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationFunction, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, TResult}, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, TResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuationFunction, object? state) =>
        task.ContinueWith(continuationFunction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuationFunction, object? state, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationFunction, state, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, TaskContinuationOptions)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuationFunction, object? state, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationFunction, state, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuationFunction, object? state, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task.ContinueWith{TResult}(Func{Task, object, TResult}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task), nameof(Task.ContinueWith))]
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuationFunction, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, state, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));
}
