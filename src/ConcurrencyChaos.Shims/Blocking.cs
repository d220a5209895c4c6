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
}
