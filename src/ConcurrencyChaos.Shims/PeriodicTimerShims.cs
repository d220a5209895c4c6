namespace ConcurrencyChaos.Shims;

/// <summary>Shims for <see cref="PeriodicTimer"/>: inside a run, it ticks on the virtual clock.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PeriodicTimerShims
{
    /// <summary>Stands in for <c>new PeriodicTimer(TimeSpan)</c>.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(PeriodicTimer), ".ctor")]
    public static PeriodicTimer Create(TimeSpan period) => new(period, Clocks.Controlled(TimeProvider.System));

    /// <summary>Stands in for <c>new PeriodicTimer(TimeSpan, TimeProvider)</c>: the system clock becomes the virtual one.</summary>
    /// <param name="period">The period.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The timer.</returns>
    [Redirects(typeof(PeriodicTimer), ".ctor")]
    public static PeriodicTimer Create(TimeSpan period, TimeProvider timeProvider) => new(period, Clocks.Controlled(timeProvider));
}
