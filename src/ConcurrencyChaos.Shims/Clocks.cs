namespace ConcurrencyChaos.Shims;

/// <summary>Which clock a shim uses: inside a run, the virtual clock instead of the system's.</summary>
internal static class Clocks
{
    /// <summary><paramref name="requested"/>, unless it is the system clock inside a run: then the run's virtual clock.</summary>
    public static TimeProvider Controlled(TimeProvider requested) =>
        ControlledRun.Current is { } run && (ReferenceEquals(requested, TimeProvider.System) || ReferenceEquals(requested, ControlledTimeProvider.Instance))
            ? run.Clock
            : requested;

    /// <summary>A Stopwatch timestamp (<see cref="System.Diagnostics.Stopwatch.Frequency"/> units) of the run's virtual now.</summary>
    public static long VirtualTimestamp(ControlledRun run) => ToStopwatchTicks(run.Clock.GetUtcNow().UtcTicks);

    /// <summary>Converts <see cref="TimeSpan"/> ticks to Stopwatch ticks.</summary>
    public static long ToStopwatchTicks(long timeSpanTicks) =>
        (long)(timeSpanTicks * ((double)System.Diagnostics.Stopwatch.Frequency / TimeSpan.TicksPerSecond));

    /// <summary>Converts Stopwatch ticks to a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan FromStopwatchTicks(long stopwatchTicks) =>
        new((long)(stopwatchTicks * ((double)TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency)));
}
