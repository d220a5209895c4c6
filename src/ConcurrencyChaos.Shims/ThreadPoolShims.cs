namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="ThreadPool.QueueUserWorkItem(WaitCallback)"/> and its overloads: inside a run, the work
/// item is posted to the runtime (flowing the ExecutionContext as the original does, except for the
/// <c>Unsafe</c> ones). An exception it throws is reported as it would crash the process.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ThreadPoolShims
{
    /// <summary>Stands in for <see cref="ThreadPool.QueueUserWorkItem(WaitCallback)"/>.</summary>
    /// <param name="callBack">The work.</param>
    /// <returns>True.</returns>
    [Redirects(typeof(ThreadPool), nameof(ThreadPool.QueueUserWorkItem))]
    public static bool QueueUserWorkItem(WaitCallback callBack) => QueueUserWorkItem(callBack, null);

    /// <summary>Stands in for <see cref="ThreadPool.QueueUserWorkItem(WaitCallback, object)"/>.</summary>
    /// <param name="callBack">The work.</param>
    /// <param name="state">Its state.</param>
    /// <returns>True.</returns>
    [Redirects(typeof(ThreadPool), nameof(ThreadPool.QueueUserWorkItem))]
    public static bool QueueUserWorkItem(WaitCallback callBack, object? state)
    {
        if (ControlledRun.Current is not { } run)
        {
            return ThreadPool.QueueUserWorkItem(callBack, state);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Post(run, ExecutionContext.Capture(), s => callBack(s), state);
        return true;
    }

    /// <summary>Stands in for <see cref="ThreadPool.QueueUserWorkItem{TState}(Action{TState}, TState, bool)"/>.</summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="callBack">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="preferLocal">Ignored inside a run.</param>
    /// <returns>True.</returns>
    [Redirects(typeof(ThreadPool), nameof(ThreadPool.QueueUserWorkItem))]
    public static bool QueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal)
    {
        if (ControlledRun.Current is not { } run)
        {
            return ThreadPool.QueueUserWorkItem(callBack, state, preferLocal);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Post(run, ExecutionContext.Capture(), _ => callBack(state), null);
        return true;
    }

    /// <summary>Stands in for <see cref="ThreadPool.UnsafeQueueUserWorkItem(WaitCallback, object)"/>.</summary>
    /// <param name="callBack">The work.</param>
    /// <param name="state">Its state.</param>
    /// <returns>True.</returns>
    [Redirects(typeof(ThreadPool), nameof(ThreadPool.UnsafeQueueUserWorkItem))]
    public static bool UnsafeQueueUserWorkItem(WaitCallback callBack, object? state)
    {
        if (ControlledRun.Current is not { } run)
        {
            return ThreadPool.UnsafeQueueUserWorkItem(callBack, state);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Post(run, null, s => callBack(s), state);
        return true;
    }

    /// <summary>Stands in for <see cref="ThreadPool.UnsafeQueueUserWorkItem{TState}(Action{TState}, TState, bool)"/>.</summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="callBack">The work.</param>
    /// <param name="state">Its state.</param>
    /// <param name="preferLocal">Ignored inside a run.</param>
    /// <returns>True.</returns>
    [Redirects(typeof(ThreadPool), nameof(ThreadPool.UnsafeQueueUserWorkItem))]
    public static bool UnsafeQueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal)
    {
        if (ControlledRun.Current is not { } run)
        {
            return ThreadPool.UnsafeQueueUserWorkItem(callBack, state, preferLocal);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Post(run, null, _ => callBack(state), null);
        return true;
    }

    /// <summary>Stands in for <see cref="ThreadPool.UnsafeQueueUserWorkItem(IThreadPoolWorkItem, bool)"/>.</summary>
    /// <param name="callBack">The work item.</param>
    /// <param name="preferLocal">Ignored inside a run.</param>
    /// <returns>True.</returns>
    [Redirects(typeof(ThreadPool), nameof(ThreadPool.UnsafeQueueUserWorkItem))]
    public static bool UnsafeQueueUserWorkItem(IThreadPoolWorkItem callBack, bool preferLocal)
    {
        if (ControlledRun.Current is not { } run)
        {
            return ThreadPool.UnsafeQueueUserWorkItem(callBack, preferLocal);
        }

        ArgumentNullException.ThrowIfNull(callBack);
        Post(run, null, _ => callBack.Execute(), null);
        return true;
    }

    private static void Post(ControlledRun run, ExecutionContext? context, SendOrPostCallback callback, object? state)
    {
#pragma warning disable VSTHRD001 // posting to the runtime's context is how a work item joins its ready set
        if (context is null)
        {
            run.Context.Post(callback, state);
        }
        else
        {
            run.Context.Post(s => ExecutionContext.Run(context, c => callback(c), s), state);
        }
#pragma warning restore VSTHRD001
    }
}
