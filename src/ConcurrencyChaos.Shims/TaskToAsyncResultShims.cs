namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="TaskToAsyncResult"/>, the way to implement a Begin/End pair over a task: the original calls the
/// callback from a <c>ConfigureAwait(false)</c> continuation, which leaves the runtime's thread for the thread pool.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskToAsyncResultShims
{
    /// <summary>
    /// Stands in for <see cref="TaskToAsyncResult.Begin(Task, AsyncCallback, object)"/>: inside a run, the callback of an
    /// unfinished task is called on the runtime's thread as the task ends (an exception it throws is reported as one that
    /// would crash the process, as the original's would). The result is the original's, so
    /// <see cref="TaskToAsyncResult.End(IAsyncResult)"/> and <see cref="TaskToAsyncResult.Unwrap(IAsyncResult)"/> take it.
    /// </summary>
    /// <param name="task">The operation.</param>
    /// <param name="callback">Called when it ends; may be null.</param>
    /// <param name="state">The <see cref="IAsyncResult.AsyncState"/>.</param>
    /// <returns>The operation as an <see cref="IAsyncResult"/>.</returns>
    [Redirects(typeof(TaskToAsyncResult), nameof(TaskToAsyncResult.Begin))]
    public static IAsyncResult Begin(Task task, AsyncCallback? callback, object? state)
    {
        if (callback is null || task is null or { IsCompleted: true } || ControlledRun.Current is not { } run)
        {
            return TaskToAsyncResult.Begin(task!, callback, state);
        }

        var result = TaskToAsyncResult.Begin(task, null, state);
        _ = task.ContinueWith(
            _ =>
            {
                try
                {
                    callback(result);
                }
                catch (Exception e)
                {
                    var thrown = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
#pragma warning disable VSTHRD001 // a callback's exception is rethrown as a posted work item's, which the runtime reports as a crash
                    run.Context.Post(_ => thrown.Throw(), null);
#pragma warning restore VSTHRD001
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            run.Scheduler);
        return result;
    }
}
