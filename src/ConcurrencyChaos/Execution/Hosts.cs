using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// What a tree runs on: a fresh <see cref="DeterministicRuntime"/> seeded by the tree (controlled), or a
/// <see cref="RealTimeHost"/>; each with its budgets, taken from <see cref="RunOptions"/> or derived from the tree.
/// </summary>
internal static class Hosts
{
    /// <summary>A new host for one run of <paramref name="tree"/>.</summary>
    public static RunHost For(TaskTree tree, RunOptions options) => options.Mode == ExecutionMode.RealTime
        ? new RealTimeHost(options.TimeScale, options.MaxVirtualTime ?? AllTheWork(tree), options.MaxVirtualTime is null ? RealTimeHeadroom : TimeSpan.Zero, options.RealTimeTolerance)
        : new DeterministicRuntime(Strategy(tree, options), Limits(tree, options), expectedTimers: tree.NodeCount); // a leaf's work, or cleanup, at a time

    /// <summary>Ten times all the tree's work, cleanup and cancellation time, plus a virtual minute.</summary>
    public static TimeSpan DefaultTimeBudget(TaskTree tree) => TimeSpan.FromMilliseconds((10 * TotalTime(tree)) + 60_000);

    /// <summary>
    /// The real time a real-time run may take beyond its tree's scaled time when no budget is given: the
    /// default budget is all the tree's work, cleanup and cancellation time (what running every leaf one
    /// after another would take), scaled, plus this. Real, not scaled: it is for a loaded machine's thread
    /// pool, which a small scale does not speed up.
    /// </summary>
    private static readonly TimeSpan RealTimeHeadroom = TimeSpan.FromSeconds(2);

    /// <summary>All the tree's work, cleanup and cancellation time: every leaf one after another.</summary>
    private static TimeSpan AllTheWork(TaskTree tree) => TimeSpan.FromMilliseconds(TotalTime(tree));

    /// <summary>How the runtime orders same-instant work, from the tree's seed: uniformly at random, or by PCT's priorities.</summary>
    private static ISchedulingStrategy Strategy(TaskTree tree, RunOptions options) => options.Strategy switch
    {
        SchedulingStrategy.Random => new RandomStrategy(tree.Seed),
        SchedulingStrategy.Pct => new PctStrategy(tree.Seed, options.PctDepth, EstimatedDecisions(tree)),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "Not a scheduling strategy."),
    };

    /// <summary>
    /// PCT's k, the scheduling decisions a run of <paramref name="tree"/> is expected to take, from its size alone (a run
    /// must be a pure function of its tree): one per node. Measured over the controlled catalog patterns, runs take 0.1
    /// to 2.6 decisions per node (a decision is a step with two tasks ready; most steps have one), and a larger k only
    /// puts more change points past the end of the run, where they change nothing.
    /// </summary>
    internal static int EstimatedDecisions(TaskTree tree) => tree.NodeCount;

    private static RuntimeLimits Limits(TaskTree tree, RunOptions options) =>
        new(options.MaxSteps, options.MaxVirtualTime ?? DefaultTimeBudget(tree), options.ForeignWorkGrace);

    /// <summary>All the tree's work, cleanup and cancellation time, in virtual ms: every leaf one after another.</summary>
    private static long TotalTime(TaskTree tree)
    {
        return (tree.CancelAfter ?? 0) + LeafTime(tree.Root);
    }

    /// <summary>The work and cleanup of every leaf under <paramref name="group"/> (a walk without the ids <see cref="TaskTree.Entries"/> builds).</summary>
    private static long LeafTime(Group group)
    {
        long total = 0;
        var children = group.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            total += child switch
            {
                Leaf leaf => leaf.Work + leaf.Cleanup,
                Group inner => LeafTime(inner),
                _ => 0,
            };
        }

        return total;
    }
}
