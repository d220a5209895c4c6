using System.Diagnostics;

namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <see cref="Stopwatch"/>: timestamps on the virtual clock inside a run; a stopwatch made inside a run
/// measures virtual time for its whole life (a virtual stopwatch is kept beside it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StopwatchShims
{
    /// <summary>Stands in for <see cref="Stopwatch.GetTimestamp"/>.</summary>
    /// <returns>The timestamp, in <see cref="Stopwatch.Frequency"/> units.</returns>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.GetTimestamp))]
    public static long GetTimestamp() => ControlledRun.Current is { } run ? Clocks.VirtualTimestamp(run) : Stopwatch.GetTimestamp();

    /// <summary>Stands in for <see cref="Stopwatch.GetElapsedTime(long)"/>.</summary>
    /// <param name="startingTimestamp">A timestamp from <see cref="Stopwatch.GetTimestamp"/>.</param>
    /// <returns>The time since.</returns>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.GetElapsedTime))]
    public static TimeSpan GetElapsedTime(long startingTimestamp) => Stopwatch.GetElapsedTime(startingTimestamp, GetTimestamp());

    /// <summary>Stands in for <c>new Stopwatch()</c>.</summary>
    /// <returns>The stopwatch.</returns>
    [Redirects(typeof(Stopwatch), ".ctor")]
    public static Stopwatch Create()
    {
        var stopwatch = new Stopwatch();
        if (ControlledRun.Current is { } run)
        {
            Companions.Set(stopwatch, new VirtualStopwatch(run));
        }

        return stopwatch;
    }

    /// <summary>Stands in for <see cref="Stopwatch.StartNew"/>.</summary>
    /// <returns>The started stopwatch.</returns>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.StartNew))]
    public static Stopwatch StartNew()
    {
        var stopwatch = Create();
        Start(stopwatch);
        return stopwatch;
    }

    /// <summary>Stands in for <see cref="Stopwatch.Start"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.Start))]
    public static void Start(Stopwatch stopwatch) => Command(stopwatch, static c => c.Start(), static s => s.Start());

    /// <summary>Stands in for <see cref="Stopwatch.Stop"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.Stop))]
    public static void Stop(Stopwatch stopwatch) => Command(stopwatch, static c => c.Stop(), static s => s.Stop());

    /// <summary>Stands in for <see cref="Stopwatch.Reset"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.Reset))]
    public static void Reset(Stopwatch stopwatch) => Command(stopwatch, static c => c.Reset(), static s => s.Reset());

    /// <summary>Stands in for <see cref="Stopwatch.Restart"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    [Redirects(typeof(Stopwatch), nameof(Stopwatch.Restart))]
    public static void Restart(Stopwatch stopwatch) => Command(stopwatch, static c => c.Restart(), static s => s.Restart());

    /// <summary>Stands in for <see cref="Stopwatch.IsRunning"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    /// <returns>Whether it runs.</returns>
    [Redirects(typeof(Stopwatch), "get_IsRunning")]
    public static bool IsRunning(Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        return Companions.Get<VirtualStopwatch>(stopwatch) is { } controlled ? controlled.IsRunning : stopwatch.IsRunning;
    }

    /// <summary>Stands in for <see cref="Stopwatch.Elapsed"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    /// <returns>The elapsed time.</returns>
    [Redirects(typeof(Stopwatch), "get_Elapsed")]
    public static TimeSpan Elapsed(Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        return Companions.Get<VirtualStopwatch>(stopwatch) is { } controlled ? controlled.Elapsed : stopwatch.Elapsed;
    }

    /// <summary>Stands in for <see cref="Stopwatch.ElapsedMilliseconds"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    /// <returns>The elapsed milliseconds.</returns>
    [Redirects(typeof(Stopwatch), "get_ElapsedMilliseconds")]
    public static long ElapsedMilliseconds(Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        return Companions.Get<VirtualStopwatch>(stopwatch) is { } controlled ? (long)controlled.Elapsed.TotalMilliseconds : stopwatch.ElapsedMilliseconds;
    }

    /// <summary>Stands in for <see cref="Stopwatch.ElapsedTicks"/>.</summary>
    /// <param name="stopwatch">The stopwatch.</param>
    /// <returns>The elapsed Stopwatch ticks.</returns>
    [Redirects(typeof(Stopwatch), "get_ElapsedTicks")]
    public static long ElapsedTicks(Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        return Companions.Get<VirtualStopwatch>(stopwatch) is { } controlled ? controlled.ElapsedTicks : stopwatch.ElapsedTicks;
    }

    /// <summary>Applies a command to the virtual stopwatch kept beside <paramref name="stopwatch"/>, else to the stopwatch itself.</summary>
    private static void Command(Stopwatch stopwatch, Action<VirtualStopwatch> controlled, Action<Stopwatch> original)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        if (Companions.Get<VirtualStopwatch>(stopwatch) is { } companion)
        {
            controlled(companion);
        }
        else
        {
            original(stopwatch);
        }
    }
}
