namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="SemaphoreSlim"/>: inside a run, <c>WaitAsync</c> with a timeout or a token waits on the
/// runtime (<see cref="ControlledSemaphoreWait"/>) instead of resuming on the thread pool; a blocking <c>Wait</c>
/// on the runtime thread that would have to wait fails at once, naming the API. <c>WaitAsync()</c> without either
/// stays the original (its waiter completes inline on <c>Release</c>), only the caller's await is controlled.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SemaphoreSlimShims
{
    /// <summary>Stands in for <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The wait.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.WaitAsync))]
    public static Task WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken) =>
        ControlledRun.Current is { } run && cancellationToken.CanBeCanceled
            ? ControlledSemaphoreWait.WaitAsync(run, semaphore, Timeout.InfiniteTimeSpan, cancellationToken)
            : semaphore.WaitAsync(cancellationToken);

    /// <summary>Stands in for <see cref="SemaphoreSlim.WaitAsync(int)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">The timeout; -1 waits forever.</param>
    /// <returns>Whether it entered.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.WaitAsync))]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) => WaitAsync(semaphore, millisecondsTimeout, CancellationToken.None);

    /// <summary>Stands in for <see cref="SemaphoreSlim.WaitAsync(int, CancellationToken)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">The timeout; -1 waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether it entered.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.WaitAsync))]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        ControlledRun.Current is { } run && millisecondsTimeout >= Timeout.Infinite
            ? ControlledSemaphoreWait.WaitAsync(run, semaphore, TimeSpan.FromMilliseconds(millisecondsTimeout), cancellationToken)
            : semaphore.WaitAsync(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="SemaphoreSlim.WaitAsync(TimeSpan)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">The timeout; infinite waits forever.</param>
    /// <returns>Whether it entered.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.WaitAsync))]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) => WaitAsync(semaphore, timeout, CancellationToken.None);

    /// <summary>Stands in for <see cref="SemaphoreSlim.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">The timeout; infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether it entered.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.WaitAsync))]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        ControlledRun.Current is { } run
            ? ControlledSemaphoreWait.WaitAsync(run, semaphore, timeout, cancellationToken)
            : semaphore.WaitAsync(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="SemaphoreSlim.Wait()"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.Wait))]
    public static void Wait(SemaphoreSlim semaphore)
    {
        if (!Entered(semaphore))
        {
            semaphore.Wait();
        }
    }

    /// <summary>Stands in for <see cref="SemaphoreSlim.Wait(CancellationToken)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.Wait))]
    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Entered(semaphore))
        {
            semaphore.Wait(cancellationToken);
        }
    }

    /// <summary>Stands in for <see cref="SemaphoreSlim.Wait(int)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="millisecondsTimeout">The timeout.</param>
    /// <returns>Whether it entered.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.Wait))]
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout) =>
        millisecondsTimeout == 0 ? semaphore.Wait(0) : Entered(semaphore) || semaphore.Wait(millisecondsTimeout);

    /// <summary>Stands in for <see cref="SemaphoreSlim.Wait(TimeSpan)"/>.</summary>
    /// <param name="semaphore">The semaphore.</param>
    /// <param name="timeout">The timeout.</param>
    /// <returns>Whether it entered.</returns>
    [Redirects(typeof(SemaphoreSlim), nameof(SemaphoreSlim.Wait))]
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout) =>
        timeout == TimeSpan.Zero ? semaphore.Wait(0) : Entered(semaphore) || semaphore.Wait(timeout);

    /// <summary>True when the count was free and is now taken; throws when, on the runtime thread, the call would block.</summary>
    private static bool Entered(SemaphoreSlim semaphore)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        if (ControlledRun.Current is not { OnRuntimeThread: true } run)
        {
            return false;
        }

        return semaphore.Wait(0) ? true : throw run.BlockingCall("SemaphoreSlim.Wait");
    }
}
