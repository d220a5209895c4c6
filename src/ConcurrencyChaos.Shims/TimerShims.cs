namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="Timer"/>: a timer made inside a run is a real <see cref="Timer"/> that never fires, with
/// a virtual timer beside it that calls the callback on the runtime thread; <c>Change</c> and <c>Dispose</c> act
/// on the virtual one (also through <see cref="IDisposable"/>, see <see cref="DisposableShims"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TimerShims
{
    private static readonly TimerCallback Fire = static state =>
    {
        var (run, callback, callbackState) = ((ControlledRun, TimerCallback, object?))state!;
        ControlledCallback.Invoke(run, callback, callbackState);
    };

    /// <summary>Stands in for <c>new Timer(TimerCallback)</c> (the timer is its own state; not armed).</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(Timer), ".ctor")]
    public static Timer Create(TimerCallback callback)
    {
        if (ControlledRun.Current is not { } run)
        {
            return new Timer(callback);
        }

        var timer = new Timer(callback, null, Timeout.Infinite, Timeout.Infinite);
        Companions.Set(timer, run.Clock.CreateTimer(Fire, (run, callback, (object?)timer), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        return timer;
    }

    /// <summary>Stands in for <c>new Timer(TimerCallback, object, int, int)</c>.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="state">Its state.</param>
    /// <param name="dueTime">Milliseconds before the first call; -1 never.</param>
    /// <param name="period">Milliseconds between calls; -1 once.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(Timer), ".ctor")]
    public static Timer Create(TimerCallback callback, object? state, int dueTime, int period) =>
        ControlledRun.Current is null ? new Timer(callback, state, dueTime, period) : Controlled(callback, state, Ms(dueTime), Ms(period));

    /// <summary>Stands in for <c>new Timer(TimerCallback, object, long, long)</c>.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="state">Its state.</param>
    /// <param name="dueTime">Milliseconds before the first call; -1 never.</param>
    /// <param name="period">Milliseconds between calls; -1 once.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(Timer), ".ctor")]
    public static Timer Create(TimerCallback callback, object? state, long dueTime, long period) =>
        ControlledRun.Current is null ? new Timer(callback, state, dueTime, period) : Controlled(callback, state, Ms(dueTime), Ms(period));

    /// <summary>Stands in for <c>new Timer(TimerCallback, object, uint, uint)</c>.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="state">Its state.</param>
    /// <param name="dueTime">Milliseconds before the first call.</param>
    /// <param name="period">Milliseconds between calls.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(Timer), ".ctor")]
    public static Timer Create(TimerCallback callback, object? state, uint dueTime, uint period) =>
        ControlledRun.Current is null ? new Timer(callback, state, dueTime, period) : Controlled(callback, state, Ms(dueTime), Ms(period));

    /// <summary>Stands in for <c>new Timer(TimerCallback, object, TimeSpan, TimeSpan)</c>.</summary>
    /// <param name="callback">The callback.</param>
    /// <param name="state">Its state.</param>
    /// <param name="dueTime">Time before the first call; infinite never.</param>
    /// <param name="period">Time between calls; infinite once.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(Timer), ".ctor")]
    public static Timer Create(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        ControlledRun.Current is null ? new Timer(callback, state, dueTime, period) : Controlled(callback, state, dueTime, period);

    /// <summary>Stands in for <see cref="Timer.Change(int, int)"/>.</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="dueTime">Milliseconds before the next call; -1 never.</param>
    /// <param name="period">Milliseconds between calls; -1 once.</param>
    /// <returns>Whether it changed.</returns>
    [Redirects(typeof(Timer), nameof(Timer.Change))]
    public static bool Change(Timer timer, int dueTime, int period) => Change(timer, Ms(dueTime), Ms(period));

    /// <summary>Stands in for <see cref="Timer.Change(long, long)"/>.</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="dueTime">Milliseconds before the next call; -1 never.</param>
    /// <param name="period">Milliseconds between calls; -1 once.</param>
    /// <returns>Whether it changed.</returns>
    [Redirects(typeof(Timer), nameof(Timer.Change))]
    public static bool Change(Timer timer, long dueTime, long period) => Change(timer, Ms(dueTime), Ms(period));

    /// <summary>Stands in for <see cref="Timer.Change(uint, uint)"/>.</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="dueTime">Milliseconds before the next call.</param>
    /// <param name="period">Milliseconds between calls.</param>
    /// <returns>Whether it changed.</returns>
    [Redirects(typeof(Timer), nameof(Timer.Change))]
    public static bool Change(Timer timer, uint dueTime, uint period) => Change(timer, Ms(dueTime), Ms(period));

    /// <summary>Stands in for <see cref="Timer.Change(TimeSpan, TimeSpan)"/>.</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="dueTime">Time before the next call; infinite never.</param>
    /// <param name="period">Time between calls; infinite once.</param>
    /// <returns>Whether it changed.</returns>
    [Redirects(typeof(Timer), nameof(Timer.Change))]
    public static bool Change(Timer timer, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return Companions.Get<ITimer>(timer) is { } controlled ? controlled.Change(dueTime, period) : timer.Change(dueTime, period);
    }

    /// <summary>Stands in for <see cref="Timer.Dispose()"/>.</summary>
    /// <param name="timer">The timer.</param>
    [Redirects(typeof(Timer), nameof(Timer.Dispose))]
    public static void Dispose(Timer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Companions.Get<ITimer>(timer)?.Dispose();
        timer.Dispose();
    }

    /// <summary>Stands in for <see cref="Timer.Dispose(WaitHandle)"/>.</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="notifyObject">Signalled once the timer is disposed.</param>
    /// <returns>Whether it was disposed now.</returns>
    [Redirects(typeof(Timer), nameof(Timer.Dispose))]
    public static bool Dispose(Timer timer, WaitHandle notifyObject)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Companions.Get<ITimer>(timer)?.Dispose();
        return timer.Dispose(notifyObject);
    }

    /// <summary>Stands in for <see cref="Timer.DisposeAsync"/>.</summary>
    /// <param name="timer">The timer.</param>
    /// <returns>The disposal.</returns>
    [Redirects(typeof(Timer), nameof(Timer.DisposeAsync))]
    public static ValueTask DisposeAsync(Timer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Companions.Get<ITimer>(timer)?.Dispose();
        return timer.DisposeAsync();
    }

    private static Timer Controlled(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var run = ControlledRun.Current!;
        var timer = new Timer(callback, state, Timeout.Infinite, Timeout.Infinite);
        Companions.Set(timer, run.Clock.CreateTimer(Fire, (run, callback, state), dueTime, period));
        return timer;
    }

    private static TimeSpan Ms(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, Timeout.Infinite);
        return milliseconds == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds);
    }

    private static TimeSpan Ms(uint milliseconds) => milliseconds == uint.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds);
}
