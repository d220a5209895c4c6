namespace ConcurrencyChaos.Shims;

/// <summary>Blocking calls on the runtime thread: the one thread that could finish the awaited work would wait for it forever.</summary>
internal static class Blocking
{
    /// <summary>Throws the runtime's blocking-wait error when, on the runtime thread, <paramref name="task"/> is unfinished and the call would wait for it.</summary>
    public static void Check(Task task, string api, bool wouldWait = true)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (wouldWait && !task.IsCompleted && ControlledRun.Current is { OnRuntimeThread: true } run)
        {
            throw run.BlockingCall(api);
        }
    }

    /// <summary>
    /// As <see cref="Check(Task, string, bool)"/>, for a wait on several tasks: all of them (<paramref name="all"/>), or the first to end.
    /// A call the original rejects without waiting (a null task; for a wait on any, no task or one already finished) is
    /// left to the original.
    /// </summary>
    public static void Check(ReadOnlySpan<Task> tasks, bool all, string api, bool wouldWait = true)
    {
        if (!wouldWait || ControlledRun.Current is not { OnRuntimeThread: true } run)
        {
            return;
        }

        var (pending, finished) = (false, false);
        foreach (var task in tasks)
        {
            if (task is null)
            {
                return;
            }

            pending |= !task.IsCompleted;
            finished |= task.IsCompleted;
        }

        if (pending && (all || !finished))
        {
            throw run.BlockingCall(api);
        }
    }

    /// <summary>Whether a wait with this timeout and token would block at all (a zero timeout or a cancelled token returns at once).</summary>
    public static bool WouldWait(int millisecondsTimeout, CancellationToken cancellationToken = default) =>
        millisecondsTimeout != 0 && !cancellationToken.IsCancellationRequested;

    /// <summary>As <see cref="WouldWait(int, CancellationToken)"/>, with a <see cref="TimeSpan"/> timeout.</summary>
    public static bool WouldWait(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        timeout != TimeSpan.Zero && !cancellationToken.IsCancellationRequested;
}
