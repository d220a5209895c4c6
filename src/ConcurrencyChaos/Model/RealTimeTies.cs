namespace ConcurrencyChaos.Model;

/// <summary>
/// When each event of a real-time run was recorded, in real time, and how far apart two events must be to be
/// ordered. Threads record events concurrently, so two events less than the tolerance apart may appear in the
/// trace either way round: a tie, which judging never blames. Trace times (real ms divided by the scale, whole
/// ms) are too coarse for this when a run is slowed down, hence the real time of each event, by its step.
/// </summary>
internal sealed class RealTimeTies
{
    private readonly IReadOnlyList<TimeSpan> _byStep;

    /// <param name="byStep">The real time of each event since the run began, at index step - 1.</param>
    /// <param name="tolerance">How far apart two events must be in real time to be ordered.</param>
    public RealTimeTies(IReadOnlyList<TimeSpan> byStep, TimeSpan tolerance)
    {
        _byStep = byStep;
        Tolerance = tolerance;
    }

    /// <summary>How far apart two events must be in real time to be ordered (<see cref="Execution.RunOptions.RealTimeTolerance"/>).</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Whether <paramref name="a"/> was recorded more than the tolerance after <paramref name="b"/>.</summary>
    public bool Later(TraceEvent a, TraceEvent b) => At(a) - At(b) > Tolerance;

    private TimeSpan At(TraceEvent e) => e.Step >= 1 && e.Step <= _byStep.Count
        ? _byStep[(int)(e.Step - 1)]
        : throw new ArgumentException($"The event '{e}' has no recorded real time.", nameof(e));
}
