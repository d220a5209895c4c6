namespace ConcurrencyChaos.Execution;

/// <summary>How a controlled run orders the work that is ready at the same virtual instant (<see cref="RunOptions.Strategy"/>).</summary>
public enum SchedulingStrategy
{
    /// <summary>Uniformly at random among the ready items, from the tree's seed. The default; every recorded seed replays by it.</summary>
    Random,

    /// <summary>
    /// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each logical task (an async method, a leaf, a
    /// queued task) gets a random priority from the tree's seed and runs on while it has work, except at
    /// <see cref="RunOptions.PctDepth"/> − 1 points, chosen at random among the run's scheduling decisions, where the
    /// task about to run is lowered below all others. Finds races that need a task to be preempted at one precise
    /// point far more often than uniform choice; the same tree and seed still give the same trace.
    /// </summary>
    Pct,
}
