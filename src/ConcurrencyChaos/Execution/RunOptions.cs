
namespace ConcurrencyChaos.Execution;

/// <summary>Budgets and limits of one run, and how it executes (controlled by default).</summary>
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
    /// other threads (thread pool, real timers) to come back. Default 2 s. Work of the run still queued
    /// to the thread pool or running elsewhere when it ends leaves the run without a verdict: a
    /// <see cref="ChaosException"/> says which.
    /// </summary>
    public TimeSpan ForeignWorkGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How the run executes: <see cref="ExecutionMode.Controlled"/> (default: one thread, virtual time,
    /// seeded interleavings, exactly reproducible) or <see cref="ExecutionMode.RealTime"/> (thread pool
    /// and real clock, for code that cannot run controlled; not reproducible). The first real-time run in a
    /// process raises the thread pool's minimum worker threads to 16 (never lowers it): under a test runner
    /// the pool's few threads are often all blocked, and timers would otherwise fire up to seconds late.
    /// </summary>
    public ExecutionMode Mode { get; init; } = ExecutionMode.Controlled;

    /// <summary>
    /// In <see cref="ExecutionMode.Controlled"/>: how same-instant work is ordered, from the tree's seed.
    /// <see cref="SchedulingStrategy.Random"/> (default) or <see cref="SchedulingStrategy.Pct"/>; both replay exactly.
    /// </summary>
    public SchedulingStrategy Strategy { get; init; } = SchedulingStrategy.Random;

    /// <summary>
    /// With <see cref="SchedulingStrategy.Pct"/>: the bug depth d aimed at, i.e. how many ordering constraints a bug
    /// may need; each run gets d − 1 priority change points. Default 3; at least 1 (1: no change points).
    /// </summary>
    public int PctDepth { get; init; } = 3;

    /// <summary>
    /// In <see cref="ExecutionMode.RealTime"/>: real milliseconds per virtual millisecond of the tree (its
    /// work, cleanup and cancellation times). Default 1; 0.5 runs twice as fast, 2 twice as slow. Trace
    /// times are real elapsed milliseconds divided by this. Ignored in controlled mode.
    /// </summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>
    /// In <see cref="ExecutionMode.RealTime"/>: how far apart in real time two events recorded on different
    /// threads must be for judging to order them. Closer ones are a tie and never blamed (a fault and its
    /// sibling's cancellation in the same real millisecond, say). Default 1 ms, the trace clock's resolution at scale 1;
    /// raise it on a loaded machine, where a thread can be held up for longer between two events. Reports
    /// state it (<see cref="Model.Trace.TieTolerance"/>). Ignored in controlled mode, whose order is exact.
    /// </summary>
    public TimeSpan RealTimeTolerance { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The consumer's operations that leaves may run, by name (<see cref="Model.Leaf.Operation"/>): real
    /// async methods, each called with the leaf's token inside a Polly chaos pipeline that realises the
    /// leaf's latency, fault or hang on the runtime's clock. When a search has operations, its generator
    /// places them on leaves. Empty by default. An operation must not fail by itself (the tree decides
    /// failures); one that does stops the run with a <see cref="ChaosException"/> naming it.
    /// </summary>
    public IReadOnlyDictionary<string, Func<CancellationToken, Task>> Operations { get; init; } =
        new Dictionary<string, Func<CancellationToken, Task>>(StringComparer.Ordinal);
}
