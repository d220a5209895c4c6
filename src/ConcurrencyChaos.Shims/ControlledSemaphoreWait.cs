namespace ConcurrencyChaos.Shims;

/// <summary>
/// <c>SemaphoreSlim.WaitAsync</c> with a timeout or a token, inside a run. The original's waiting path resumes on
/// the thread pool and times out on a real timer; this one queues the same waiter (the semaphore's own
/// <c>WaitAsync()</c>, which completes inline when <c>Release</c> hands it the count) and races it with the token
/// and a virtual timer, on the runtime. A waiter that lost the race gives back the count it later receives, so
/// no count is ever lost.
/// </summary>
internal sealed class ControlledSemaphoreWait
{
    private static readonly Action<Task, object?> Granted = static (_, state) => ((ControlledSemaphoreWait)state!).OnGranted();
    private static readonly TimerCallback TimedOut = static state => ((ControlledSemaphoreWait)state!)._result.TrySetResult(false);
    private static readonly Action<object?> Cancelled = static state => ((ControlledSemaphoreWait)state!).OnCancelled();

    private readonly SemaphoreSlim _semaphore;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<bool> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;
    private ITimer? _timer;

    private ControlledSemaphoreWait(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        _semaphore = semaphore;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Waits for <paramref name="semaphore"/> as <c>WaitAsync(timeout, cancellationToken)</c> does, on the runtime of <paramref name="run"/>.</summary>
    public static Task<bool> WaitAsync(ControlledRun run, SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        if (timeout < Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be -1 ms (infinite) or between 0 and int.MaxValue ms.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        if (semaphore.Wait(0))
        {
            return Task.FromResult(true); // the count was free: taken at once, as the original does
        }

        if (timeout == TimeSpan.Zero)
        {
            return Task.FromResult(false);
        }

        var wait = new ControlledSemaphoreWait(semaphore, cancellationToken);
        var waiter = semaphore.WaitAsync(); // queued behind the other waiters; completes when Release hands it the count
        _ = waiter.ContinueWith(Granted, wait, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, run.Scheduler);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            wait._timer = run.Clock.CreateTimer(TimedOut, wait, timeout, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            wait._registration = cancellationToken.UnsafeRegister(Cancelled, wait);
        }

        return wait._result.Task;
    }

    private void OnGranted()
    {
        if (_result.TrySetResult(true))
        {
            _timer?.Dispose();
            _registration.Dispose();
        }
        else
        {
            _semaphore.Release(); // the caller stopped waiting (timeout or token): the count is not theirs
        }
    }

    private void OnCancelled()
    {
        if (_result.TrySetCanceled(_cancellationToken))
        {
            _timer?.Dispose();
        }
    }
}
