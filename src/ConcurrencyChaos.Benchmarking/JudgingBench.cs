using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// Judging alone: one mixed tree of an exact size (<see cref="BenchTrees"/>; its deepest groups are wide) run once under
/// <c>when-all</c>, then judged against every invariant again and again on one thread, timed by that thread's CPU clock.
/// The cost per node should not grow with the tree.
/// </summary>
internal static class JudgingBench
{
    public static JudgingRow Measure(int nodes, BenchOptions options)
    {
        var tree = BenchTrees.Make(nodes, seed: 1, mixed: true);
        var trace = SingleRun.Runner(tree, ChaosPattern.Catalog("when-all"), RunOptions.Default).Run();
        var perTree = new List<double>();
        Benchmark.OnOwnThread(() =>
        {
            _ = Judge.Check(tree, trace); // warm-up
            for (var repeat = 0; repeat < options.Repeats; repeat++)
            {
                var count = 0;
                var start = ThreadClock.Now();
                TimeSpan spent;
                do
                {
                    _ = Judge.Check(tree, trace);
                    count++;
                    spent = ThreadClock.Now() - start;
                }
                while (spent < options.MeasureTime);

                perTree.Add(spent.TotalMilliseconds / count);
            }
        });

        var ms = Statistics.Median(perTree);
        return new JudgingRow(tree.NodeCount, ms, ms * 1e6 / tree.NodeCount);
    }
}
