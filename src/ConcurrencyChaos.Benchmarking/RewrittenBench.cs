using ConcurrencyChaos.Bench.FanOut;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Rewriting;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// Rewritten code against hand-written code under the runtime. The bench rewrites a copy of the sample fan-out's
/// assembly (<see cref="OrderFanOut"/>, beside this one) into a temporary folder and loads the copy into a load context
/// of its own that takes every other assembly, the shims above all, from the default one: so the rewritten
/// <see cref="OrderFanOut.ProductionAsync"/> calls the same shims the runtime hooks into. The hand-written
/// <see cref="OrderFanOut.HandWrittenAsync"/> runs from the assembly as compiled.
/// </summary>
internal static class RewrittenBench
{
    private const string FanOutName = "order-fan-out";

    public static RewrittenRow Measure(BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("chaos-bench-rewritten-");
        var context = new SharedShimsLoadContext();
        try
        {
            var original = typeof(OrderFanOut).Assembly.Location;
            var copy = Path.Combine(folder.FullName, Path.GetFileName(original));
            File.Copy(original, copy);
            _ = new AssemblyRewriter().Rewrite([copy]).Single(r => r.Status == RewriteStatus.Rewritten);
            var rewritten = context.LoadFromAssemblyPath(copy).GetType(typeof(OrderFanOut).FullName!)!
                .GetMethod(nameof(OrderFanOut.ProductionAsync))!
                .CreateDelegate<Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>();

            var handWritten = ChaosPattern.Of(OrderFanOut.HandWrittenAsync, "hand-written");
            var production = ChaosPattern.Of(rewritten, "rewritten");
            var generator = ChaosTrees.Arbitrary().Generator;
            var trees = Enumerable.Range(0, options.RewrittenTrees).Select(i => ChaosSearch.TreeAt(generator, 1, i)).ToArray();

            // Warm-up (JIT, tiering), then the rounds alternate so a change of load hits both alike.
            Execute(handWritten, trees);
            Execute(production, trees);
            var hand = new List<double>();
            var shimmed = new List<double>();
            for (var round = 0; round < options.Repeats; round++)
            {
                hand.Add(ProcessClock.Measure(() => Execute(handWritten, trees)).Cpu.TotalMilliseconds);
                shimmed.Add(ProcessClock.Measure(() => Execute(production, trees)).Cpu.TotalMilliseconds);
            }

            var (handMs, shimmedMs) = (Statistics.Median(hand), Statistics.Median(shimmed));
            return new RewrittenRow(FanOutName, trees.Length, options.Repeats, handMs, shimmedMs, shimmedMs / handMs);
        }
        finally
        {
            context.Unload();
            folder.Delete(recursive: true);
        }
    }

    private static void Execute(ChaosPattern pattern, TaskTree[] trees)
    {
        foreach (var tree in trees)
        {
            var trace = SingleRun.Runner(tree, pattern, RunOptions.Default).Run();
            if (trace.Diagnostics.FirstOrDefault(d => d.Kind.IsEscape()) is { } escape)
            {
                throw new InvalidOperationException($"The {pattern.Name} fan-out left the runtime, so its cost is not a controlled run's: {escape}");
            }
        }
    }
}
