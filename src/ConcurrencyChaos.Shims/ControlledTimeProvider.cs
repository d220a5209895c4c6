namespace ConcurrencyChaos.Shims;

/// <summary>
/// What <see cref="TimeProvider.System"/> reads as inside a controlled run: the virtual clock of the run current
/// at each call, and the system clock outside any run. A library that caches <c>TimeProvider.System</c> in a
/// static while a run is active therefore keeps a clock that is right in every later run and outside them.
/// Timestamps are in <see cref="System.Diagnostics.Stopwatch.Frequency"/> units either way, so the frequency
/// never changes under a caller.
/// </summary>
internal sealed class ControlledTimeProvider : TimeProvider
{
    private ControlledTimeProvider()
    {
    }

    /// <summary>The one instance.</summary>
    public static ControlledTimeProvider Instance { get; } = new();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => ControlledRun.Current is { } run ? run.Clock.LocalTimeZone : System.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => System.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => ControlledRun.Current is { } run ? run.Clock.GetUtcNow() : System.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => ControlledRun.Current is { } run ? Clocks.VirtualTimestamp(run) : System.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        ControlledRun.Current is { } run
            ? run.Clock.CreateTimer(callback, state, dueTime, period)
            : System.CreateTimer(callback, state, dueTime, period);
}
