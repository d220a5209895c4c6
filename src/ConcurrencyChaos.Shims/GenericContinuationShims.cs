namespace ConcurrencyChaos.Shims;

/// <summary>Shims for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}})"/> and its overloads: as <see cref="ContinuationShims"/>, for the generic task's own members.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenericContinuationShims
{
    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}})"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction) =>
        task.ContinueWith(continuationAction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationAction, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, TaskContinuationOptions)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationAction, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuationAction, object? state) =>
        task.ContinueWith(continuationAction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuationAction, object? state, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationAction, state, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, TaskContinuationOptions)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuationAction, object? state, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationAction, state, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuationAction, object? state, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith(Action{Task{TResult}, object}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationAction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuationAction, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationAction, state, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult})"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction) =>
        task.ContinueWith(continuationFunction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationFunction, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, TaskContinuationOptions)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationFunction, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, TNewResult}, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuationFunction, object? state) =>
        task.ContinueWith(continuationFunction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, CancellationToken)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuationFunction, object? state, CancellationToken cancellationToken) =>
        task.ContinueWith(continuationFunction, state, cancellationToken, TaskContinuationOptions.None, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, TaskContinuationOptions)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuationFunction, object? state, TaskContinuationOptions continuationOptions) =>
        task.ContinueWith(continuationFunction, state, CancellationToken.None, continuationOptions, Schedulers.Controlled(TaskScheduler.Current));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuationFunction, object? state, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, state, CancellationToken.None, TaskContinuationOptions.None, Schedulers.Controlled(scheduler));

    /// <summary>Stands in for <see cref="Task{TResult}.ContinueWith{TNewResult}(Func{Task{TResult}, object, TNewResult}, object, CancellationToken, TaskContinuationOptions, TaskScheduler)"/>.</summary>
    /// <typeparam name="TResult">The antecedent's result type.</typeparam>
    /// <typeparam name="TNewResult">The continuation's result type.</typeparam>
    /// <param name="task">The antecedent.</param>
    /// <param name="continuationFunction">The continuation.</param>
    /// <param name="state">Its state.</param>
    /// <param name="cancellationToken">Cancels the continuation before it starts.</param>
    /// <param name="continuationOptions">When and how the continuation runs.</param>
    /// <param name="scheduler">The scheduler asked for; the default one means the runtime's inside a run.</param>
    /// <returns>The continuation's task.</returns>
    [Redirects(typeof(Task<>), nameof(Task.ContinueWith))]
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuationFunction, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        task.ContinueWith(continuationFunction, state, cancellationToken, continuationOptions, Schedulers.Controlled(scheduler));
}
