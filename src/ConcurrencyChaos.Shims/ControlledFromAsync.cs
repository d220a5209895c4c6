namespace ConcurrencyChaos.Shims;

/// <summary>
/// <c>FromAsync</c> over an <see cref="IAsyncResult"/> that is not finished: the original waits for its wait handle on
/// a thread-pool thread and then runs the end method on the requested scheduler. Inside a run, when the operation is a
/// task (a <see cref="Task"/> or <see cref="TaskToAsyncResult"/>'s wrapper) and the end method would run on the thread
/// pool, no thread waits: the end method runs on the runtime's scheduler one step after the task ends, through the
/// original's begin/end form, so the promise, its exceptions and its cancellation are the original's.
/// </summary>
internal static class ControlledFromAsync
{
    /// <summary>The begin method that stands for <paramref name="asyncResult"/>, or null when the original is called as it is.</summary>
    public static Func<AsyncCallback, object?, IAsyncResult>? Begin(IAsyncResult? asyncResult, TaskScheduler? scheduler)
    {
        if (ControlledRun.Current is not { } run
            || asyncResult is null or { IsCompleted: true }
            || (scheduler != TaskScheduler.Default && scheduler != run.Scheduler)
            || TaskOf(asyncResult) is not { } task)
        {
            return null;
        }

        return (callback, _) =>
        {
            _ = task.ContinueWith(_ => callback(asyncResult), CancellationToken.None, TaskContinuationOptions.None, run.Scheduler);
            return asyncResult;
        };
    }

    /// <summary>
    /// The options of the begin/end form for those of the <see cref="IAsyncResult"/> form: the two it refuses,
    /// <see cref="TaskCreationOptions.LongRunning"/> and <see cref="TaskCreationOptions.PreferFairness"/>, mean nothing
    /// for a promise, so they are dropped.
    /// </summary>
    public static TaskCreationOptions Options(TaskCreationOptions creationOptions) =>
        creationOptions & ~(TaskCreationOptions.LongRunning | TaskCreationOptions.PreferFairness);

    private static Task? TaskOf(IAsyncResult asyncResult) =>
        asyncResult as Task ?? (asyncResult.GetType().DeclaringType == typeof(TaskToAsyncResult) ? TaskToAsyncResult.Unwrap(asyncResult) : null);
}
