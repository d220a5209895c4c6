using ConcurrencyChaos.Execution;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>Each scheduling strategy against the lost-update race: the trees its search needs, median over seeds 1..n.</summary>
internal static class StrategyBench
{
    /// <summary>The most trees one search may run.</summary>
    private const int MaxTrees = 2000;

    public static StrategyRow Measure(SchedulingStrategy strategy, int seeds)
    {
        var trees = Enumerable.Range(1, seeds).Select(seed => LostUpdateRace.TreesToFind(strategy, seed, MaxTrees)).ToList();
        return new StrategyRow(strategy.ToString(), seeds, trees.Count(t => t is not null), Statistics.Median([.. trees.Select(t => (double)(t ?? MaxTrees))]), MaxTrees);
    }
}
