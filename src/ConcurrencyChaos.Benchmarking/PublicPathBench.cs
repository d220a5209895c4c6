using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// What a user's <c>Chaos.Check</c> costs: the public API with default options but the tree count and size, on a
/// pattern that holds (<c>TaskGroup.WhenAll</c>), so every tree is generated, executed and judged; and beside it the
/// same trees executed alone. Process CPU time, past a warm-up, median of the repeats (seeds 1..n).
/// </summary>
internal static class PublicPathBench
{
    public static IEnumerable<PublicPathRow> Measure(BenchOptions options, int maxNodes)
    {
        var check = new ChaosOptions { MaxTrees = options.PublicPathTrees, MaxNodes = maxNodes };
        WarmUp(check, options.WarmUp);

        var checks = new List<(double Trees, double Nodes, double Bytes, long NodeCount)>();
        var alone = new List<(double Trees, double Nodes, double Bytes, long NodeCount)>();
        for (var seed = 1; seed <= options.Repeats; seed++)
        {
            ChaosResult? result = null;
            var (cpu, bytes) = ProcessClock.Measure(() => result = Chaos.Check(TaskGroup.WhenAll, check with { Seed = seed }));
            checks.Add(Rates(result!.TreesRun, result.NodesRun, cpu, bytes));

            var trees = Trees(check, seed);
            var nodes = trees.Sum(t => (long)t.NodeCount);
            (cpu, bytes) = ProcessClock.Measure(() => Execute(trees));
            alone.Add(Rates(trees.Length, nodes, cpu, bytes));
        }

        yield return Row("Chaos.Check", maxNodes, checks, options.PublicPathTrees);
        yield return Row("execution alone", maxNodes, alone, options.PublicPathTrees);
    }

    /// <summary>Runs searches until the process has spent <paramref name="budget"/> of CPU on them: JIT and tiering done.</summary>
    public static void WarmUp(ChaosOptions check, TimeSpan budget)
    {
        var start = ProcessClock.Now();
        var seed = 1000;
        do
        {
            _ = Chaos.Check(TaskGroup.WhenAll, check with { Seed = seed++ });
        }
        while (ProcessClock.Now() - start < budget);
    }

    /// <summary>The trees <c>Chaos.Check</c> with these options and seed runs, in order.</summary>
    private static TaskTree[] Trees(ChaosOptions check, int seed)
    {
        var generator = ChaosTrees.Arbitrary(check.MaxNodes, check.MaxDepth).Generator;
        return [.. Enumerable.Range(0, check.MaxTrees).Select(i => ChaosSearch.TreeAt(generator, seed, i))];
    }

    private static void Execute(TaskTree[] trees)
    {
        var pattern = ChaosPattern.Of(TaskGroup.WhenAll);
        foreach (var tree in trees)
        {
            _ = SingleRun.Runner(tree, pattern, RunOptions.Default).Run();
        }
    }

    private static (double Trees, double Nodes, double Bytes, long NodeCount) Rates(long trees, long nodes, TimeSpan cpu, long bytes) =>
        (trees / cpu.TotalSeconds, nodes / cpu.TotalSeconds, (double)bytes / nodes, nodes);

    private static PublicPathRow Row(string path, int maxNodes, List<(double Trees, double Nodes, double Bytes, long NodeCount)> runs, int trees) => new(
        path,
        maxNodes,
        runs.Average(r => (double)r.NodeCount) / trees,
        Statistics.Median([.. runs.Select(r => r.Trees)]),
        Statistics.Median([.. runs.Select(r => r.Nodes)]),
        Statistics.Median([.. runs.Select(r => r.Bytes)]),
        trees);
}
