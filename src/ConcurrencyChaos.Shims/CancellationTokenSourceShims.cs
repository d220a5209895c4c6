namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for timed cancellation: inside a run, <c>new CancellationTokenSource(delay)</c> and <c>CancelAfter</c>
/// cancel on the virtual clock (a virtual timer kept beside the source; <c>TryReset</c> disarms it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationTokenSourceShims
{
    private static readonly TimerCallback Cancel = static state =>
    {
        var (run, source) = ((ControlledRun, CancellationTokenSource))state!;
        ControlledCallback.Invoke(run, static s =>
        {
            try
            {
                ((CancellationTokenSource)s!).Cancel();
            }
            catch (ObjectDisposedException)
            {
                // As a real CancelAfter timer: a source disposed meanwhile is left alone.
            }
        }, source);
    };

    /// <summary>Stands in for <c>new CancellationTokenSource(int)</c>.</summary>
    /// <param name="millisecondsDelay">The delay before it cancels.</param>
    /// <returns>The source.</returns>
    [Redirects(typeof(CancellationTokenSource), ".ctor")]
    public static CancellationTokenSource Create(int millisecondsDelay)
    {
        if (ControlledRun.Current is null)
        {
            return new CancellationTokenSource(millisecondsDelay);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, Timeout.Infinite);
        var source = new CancellationTokenSource();
        CancelAfter(source, TimeSpan.FromMilliseconds(millisecondsDelay));
        return source;
    }

    /// <summary>Stands in for <c>new CancellationTokenSource(TimeSpan)</c>.</summary>
    /// <param name="delay">The delay before it cancels.</param>
    /// <returns>The source.</returns>
    [Redirects(typeof(CancellationTokenSource), ".ctor")]
    public static CancellationTokenSource Create(TimeSpan delay) => Create(delay, TimeProvider.System);

    /// <summary>Stands in for <c>new CancellationTokenSource(TimeSpan, TimeProvider)</c>: the system clock becomes the virtual one.</summary>
    /// <param name="delay">The delay before it cancels.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The source.</returns>
    [Redirects(typeof(CancellationTokenSource), ".ctor")]
    public static CancellationTokenSource Create(TimeSpan delay, TimeProvider timeProvider)
    {
        if (ControlledRun.Current is null || !ReferenceEquals(Clocks.Controlled(timeProvider), ControlledRun.Current.Clock))
        {
            return new CancellationTokenSource(delay, timeProvider);
        }

        var source = new CancellationTokenSource();
        CancelAfter(source, delay);
        return source;
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.CancelAfter(int)"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="millisecondsDelay">The delay; -1 disarms.</param>
    [Redirects(typeof(CancellationTokenSource), nameof(CancellationTokenSource.CancelAfter))]
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ControlledRun.Current is null && Companions.Get<ITimer>(source) is null)
        {
            source.CancelAfter(millisecondsDelay);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, Timeout.Infinite);
        CancelAfter(source, TimeSpan.FromMilliseconds(millisecondsDelay));
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="delay">The delay; <see cref="Timeout.InfiniteTimeSpan"/> disarms.</param>
    [Redirects(typeof(CancellationTokenSource), nameof(CancellationTokenSource.CancelAfter))]
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(source);
        var timer = Companions.Get<ITimer>(source);
        var run = ControlledRun.Current;
        if (run is null && timer is null)
        {
            source.CancelAfter(delay);
            return;
        }

        if (delay < Timeout.InfiniteTimeSpan || delay.TotalMilliseconds > uint.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must be -1 ms (infinite) or between 0 and 4294967294 ms.");
        }

        // Throws for a disposed source as the original does, and disarms a real timer it may have.
        source.CancelAfter(Timeout.InfiniteTimeSpan);

        if (source.IsCancellationRequested)
        {
            return;
        }

        if (timer is not null)
        {
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
        else if (delay != Timeout.InfiniteTimeSpan)
        {
            Companions.Set(source, run!.Clock.CreateTimer(Cancel, (run, source), delay, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Stands in for <see cref="CancellationTokenSource.TryReset"/>: also disarms the virtual timer.</summary>
    /// <param name="source">The source.</param>
    /// <returns>Whether it was reset.</returns>
    [Redirects(typeof(CancellationTokenSource), nameof(CancellationTokenSource.TryReset))]
    public static bool TryReset(CancellationTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reset = source.TryReset();
        if (reset)
        {
            Companions.Get<ITimer>(source)?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        return reset;
    }

    /// <summary>
    /// Stands in for <see cref="CancellationTokenSource.CancelAsync"/>, which runs the callbacks on the thread pool:
    /// inside a run, the cancellation is posted to the runtime as one step of its own (so the source reads as not yet
    /// cancelled until that step, where the original marks it at once).
    /// </summary>
    /// <param name="source">The source.</param>
    /// <returns>A task that completes once every callback has run.</returns>
    [Redirects(typeof(CancellationTokenSource), nameof(CancellationTokenSource.CancelAsync))]
    public static Task CancelAsync(CancellationTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ControlledRun.Current is not { } run || source.IsCancellationRequested)
        {
            return source.CancelAsync();
        }

        _ = source.Token; // throws for a disposed source, as the original does
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
#pragma warning disable VSTHRD001 // posting to the runtime's context is how the cancellation joins its ready set
        run.Context.Post(
            static state =>
            {
                var (source, done) = ((CancellationTokenSource, TaskCompletionSource))state!;
                try
                {
                    source.Cancel();
                    done.SetResult();
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            },
            (source, done));
#pragma warning restore VSTHRD001
        return done.Task;
    }
}
