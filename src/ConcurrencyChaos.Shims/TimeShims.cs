namespace ConcurrencyChaos.Shims;

/// <summary>Shims for reading the clock: <see cref="TimeProvider.System"/>, <see cref="DateTime.UtcNow"/> and friends, <see cref="Environment.TickCount64"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TimeShims
{
    /// <summary>Stands in for <see cref="TimeProvider.System"/>: inside a run, a clock that is the virtual one while a run is current.</summary>
    /// <returns>The clock.</returns>
    [Redirects(typeof(TimeProvider), "get_System")]
    public static TimeProvider SystemTimeProvider() => ControlledRun.Current is null ? TimeProvider.System : ControlledTimeProvider.Instance;

    /// <summary>Stands in for <see cref="DateTime.UtcNow"/>.</summary>
    /// <returns>Now.</returns>
    [Redirects(typeof(DateTime), "get_UtcNow")]
    public static DateTime UtcNow() => ControlledRun.Current is { } run ? run.Clock.GetUtcNow().UtcDateTime : DateTime.UtcNow;

    /// <summary>Stands in for <see cref="DateTime.Now"/>.</summary>
    /// <returns>Now.</returns>
    [Redirects(typeof(DateTime), "get_Now")]
    public static DateTime Now() => ControlledRun.Current is { } run ? run.Clock.GetLocalNow().DateTime : DateTime.Now;

    /// <summary>Stands in for <see cref="DateTimeOffset.UtcNow"/>.</summary>
    /// <returns>Now.</returns>
    [Redirects(typeof(DateTimeOffset), "get_UtcNow")]
    public static DateTimeOffset OffsetUtcNow() => ControlledRun.Current is { } run ? run.Clock.GetUtcNow() : DateTimeOffset.UtcNow;

    /// <summary>Stands in for <see cref="DateTimeOffset.Now"/>.</summary>
    /// <returns>Now.</returns>
    [Redirects(typeof(DateTimeOffset), "get_Now")]
    public static DateTimeOffset OffsetNow() => ControlledRun.Current is { } run ? run.Clock.GetLocalNow() : DateTimeOffset.Now;

    /// <summary>Stands in for <see cref="Environment.TickCount64"/>: inside a run, virtual milliseconds.</summary>
    /// <returns>Milliseconds.</returns>
    [Redirects(typeof(Environment), "get_TickCount64")]
    public static long TickCount64() => ControlledRun.Current is { } run ? run.Clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMillisecond : Environment.TickCount64;

    /// <summary>Stands in for <see cref="Environment.TickCount"/>: inside a run, virtual milliseconds.</summary>
    /// <returns>Milliseconds.</returns>
    [Redirects(typeof(Environment), "get_TickCount")]
    public static int TickCount() => ControlledRun.Current is { } run ? unchecked((int)(run.Clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMillisecond)) : Environment.TickCount;
}
