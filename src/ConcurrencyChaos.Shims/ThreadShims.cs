namespace ConcurrencyChaos.Shims;

/// <summary>Shims for <see cref="Thread.Sleep(int)"/>: on the runtime thread it would stop every task of the run, so it fails at once, naming the API.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ThreadShims
{
    /// <summary>Stands in for <see cref="Thread.Sleep(int)"/>; <c>Thread.Sleep(0)</c> is allowed.</summary>
    /// <param name="millisecondsTimeout">How long to sleep.</param>
    [Redirects(typeof(Thread), nameof(Thread.Sleep))]
    public static void Sleep(int millisecondsTimeout)
    {
        if (millisecondsTimeout != 0 && ControlledRun.Current is { OnRuntimeThread: true } run)
        {
            throw run.BlockingCall("Thread.Sleep");
        }

        Thread.Sleep(millisecondsTimeout);
    }

    /// <summary>Stands in for <see cref="Thread.Sleep(TimeSpan)"/>.</summary>
    /// <param name="timeout">How long to sleep.</param>
    [Redirects(typeof(Thread), nameof(Thread.Sleep))]
    public static void Sleep(TimeSpan timeout)
    {
        if (timeout != TimeSpan.Zero && ControlledRun.Current is { OnRuntimeThread: true } run)
        {
            throw run.BlockingCall("Thread.Sleep");
        }

        Thread.Sleep(timeout);
    }
}
