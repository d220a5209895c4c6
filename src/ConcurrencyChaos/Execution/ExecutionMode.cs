
namespace ConcurrencyChaos.Execution;

/// <summary>How a tree's code runs.</summary>
public enum ExecutionMode
{
    /// <summary>
    /// On the deterministic runtime: one thread, virtual time, same-instant events interleaved in an
    /// order drawn from the tree's seed. The same tree and seed always give the same trace.
    /// </summary>
    Controlled,

    /// <summary>
    /// On the real thread pool with the real clock (delays scaled by <see cref="RunOptions.TimeScale"/>).
    /// For code that cannot run controlled (e.g. it uses <c>Task.Run</c> internally). Trace times are
    /// real elapsed milliseconds divided by the scale and steps are a global event sequence, so the same
    /// invariants apply; but nothing is reproducible, and verdicts that hinge on events at the same
    /// virtual instant (two faults at 10 ms, a fault and a cancellation together) can differ from run
    /// to run.
    /// </summary>
    RealTime,
}
