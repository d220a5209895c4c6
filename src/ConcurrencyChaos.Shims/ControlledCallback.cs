namespace ConcurrencyChaos.Shims;

/// <summary>
/// Runs a callback of a shim's virtual timer on the runtime thread with the runtime's context set, so async
/// work it starts continues on the runtime (a real timer's callback runs on the thread pool with no context).
/// </summary>
internal static class ControlledCallback
{
    public static void Invoke(ControlledRun run, TimerCallback callback, object? state)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(run.Context);
        try
        {
            callback(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
