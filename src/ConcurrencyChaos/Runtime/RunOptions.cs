namespace ConcurrencyChaos.Runtime;

/// <summary>Budgets and limits of one run on the deterministic runtime.</summary>
public sealed record RunOptions
{
    /// <summary>The default options.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>Scheduler steps after which a run that has not ended is stopped. Default 1,000,000.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>
    /// Virtual time after which a run that has not ended is stopped, or null to derive it from the tree:
    /// ten times all of its work, cleanup and cancellation time, plus one virtual minute.
    /// </summary>
    public TimeSpan? MaxVirtualTime { get; init; }

    /// <summary>Real time without a single scheduler step after which the runtime thread is declared stuck and abandoned. Default 5 s.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Real time the runtime waits, when nothing controlled is left to run, for work that escaped to
    /// other threads (thread pool, real timers) to come back. Default 2 s.
    /// </summary>
    public TimeSpan ForeignWorkGrace { get; init; } = TimeSpan.FromSeconds(2);
}
