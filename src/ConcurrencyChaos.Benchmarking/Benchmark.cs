using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// Measures the controlled runtime (trees/s and nodes/s on one thread, bytes allocated per node),
/// the same trees in real-time mode as the baseline, the time each naive catalog pattern takes to
/// yield its first counterexample and to shrink it, and what rewriting costs: rewriting a real assembly,
/// and running rewritten code against hand-written code. Returns figures; it asserts nothing. Timing on a
/// shared machine is noisy: every figure is a median of repeated measurements.
/// </summary>
public static class Benchmark
{
    /// <summary>Runs the benchmark, writing a line per figure to <paramref name="progress"/>.</summary>
    /// <param name="options">What to measure.</param>
    /// <param name="progress">Where to write progress; none when null.</param>
    /// <returns>The figures.</returns>
    public static BenchReport Run(BenchOptions options, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var throughput = new List<ThroughputRow>();
        foreach (var nodes in options.Sizes)
        {
            foreach (var mixed in new[] { true, false })
            {
                var trees = Enumerable.Range(1, options.TreesPerSet).Select(seed => BenchTrees.Make(nodes, seed, mixed)).ToArray();
                foreach (var pattern in options.Patterns)
                {
                    var controlled = Controlled(pattern, trees, mixed ? "mixed" : "no-fail", options);
                    throughput.Add(controlled);
                    progress?.WriteLine(Line(controlled));
                    if (mixed)
                    {
                        var realTime = RealTime(pattern, trees, options) is var r && r.TreesPerSecond > 0
                            ? r with { ControlledSpeedup = controlled.TreesPerSecond / r.TreesPerSecond }
                            : r;
                        throughput.Add(realTime);
                        progress?.WriteLine(Line(realTime));
                    }
                }
            }
        }

        var search = new List<SearchRow>();
        var searched = options.SearchSeeds <= 0 ? [] : options.SearchPatterns ?? [.. PatternCatalog.All.Where(p => !p.IsStructured).Select(p => p.Id)];
        foreach (var pattern in searched)
        {
            var row = Search(pattern, options.SearchSeeds);
            search.Add(row);
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search {row.Pattern}: found {row.Found}/{row.Seeds}, search {row.MedianSearchMs:0.#} ms, shrink {row.MedianShrinkMs:0.#} ms"));
        }

        var strategies = new List<StrategyRow>();
        foreach (var strategy in options.StrategySeeds > 0 ? Enum.GetValues<SchedulingStrategy>() : [])
        {
            var row = StrategyBench.Measure(strategy, options.StrategySeeds);
            strategies.Add(row);
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lost-update race, {row.Strategy}: found {row.Found}/{row.Seeds}, median {row.MedianTreesToFind:0.#} trees"));
        }

        var publicPath = new List<PublicPathRow>();
        foreach (var maxNodes in options.PublicPathMaxNodes)
        {
            foreach (var row in PublicPathBench.Measure(options, maxNodes))
            {
                publicPath.Add(row);
                progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Path}, MaxNodes {row.MaxNodes} ({row.NodesPerTree:0.0} nodes/tree): {row.TreesPerCpuSecond:#,0} trees/CPU-s, {row.NodesPerCpuSecond:#,0} nodes/CPU-s, {row.BytesPerNode:#,0} B/node"));
            }
        }

        var judging = new List<JudgingRow>();
        foreach (var nodes in options.JudgingSizes)
        {
            var row = JudgingBench.Measure(nodes, options);
            judging.Add(row);
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"judging {row.Nodes} nodes: {row.MillisecondsPerTree:0.###} ms, {row.NanosecondsPerNode:0} ns/node"));
        }

        var checkRate = publicPath.FirstOrDefault(r => r.Path == "Chaos.Check")?.TreesPerCpuSecond ?? double.NaN;
        BaselineRow[] baselines = options.BaselineTrees > 0
            ? [BaselineBench.RealTime(options, checkRate), BaselineBench.FsCheckOnThePool(options, checkRate)]
            : [];
        foreach (var row in baselines)
        {
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Baseline}: {row.TreesPerCpuSecond:#,0.#} trees/CPU-s; Chaos.Check is {row.PublicPathRatio:#,0}× that"));
        }

        var rewrite = options.RewriteRepeats > 0 ? RewriteBench.Measure(options) : null;
        if (rewrite is { } cost)
        {
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rewrite {cost.Assembly} ({cost.Megabytes:0.0} MB, {cost.CallSites} call sites): {cost.MedianCpuSeconds:0.00} s CPU, {cost.MedianWallSeconds:0.00} s wall (median of {cost.Repeats}); cold {cost.ColdCpuSeconds:0.00} s CPU"));
        }

        var rewritten = options.RewrittenTrees > 0 ? RewrittenBench.Measure(options) : null;
        if (rewritten is { } w)
        {
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w.FanOut}, {w.Trees} trees: hand-written {w.HandWrittenCpuMilliseconds:0} ms CPU, rewritten {w.RewrittenCpuMilliseconds:0} ms CPU, ratio {w.Ratio:0.00}"));
        }

        var fresh = options.FreshProcess?.Invoke();
        if (fresh is { } ms)
        {
            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fresh process, first {options.FreshProcessTrees} trees: {ms:0} ms CPU"));
        }

        return new BenchReport(Machine(), throughput, search)
        {
            PublicPath = publicPath,
            Judging = judging,
            Baselines = baselines,
            FreshProcessTrees = options.FreshProcessTrees,
            FreshProcessMilliseconds = fresh,
            Rewrite = rewrite,
            Rewritten = rewritten,
            Strategies = strategies,
        };
    }

    /// <summary>
    /// The CPU time of the process's first <paramref name="trees"/> trees through <c>Chaos.Check</c> (a pattern that
    /// holds, default options): what a fresh <c>dotnet test</c> process pays before the search reaches speed. Call it
    /// first thing in a new process; <c>chaos bench</c> does so in a child process of its own.
    /// </summary>
    /// <param name="trees">How many trees.</param>
    /// <returns>Process CPU milliseconds those trees took, JIT included.</returns>
    public static double FirstTrees(int trees)
    {
        var (cpu, _) = ProcessClock.Measure(() => Chaos.Check(TaskGroup.WhenAll, new ChaosOptions { Seed = 1, MaxTrees = trees }));
        return cpu.TotalMilliseconds;
    }

    private static string Line(ThroughputRow r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Mode} {r.Pattern} {r.Nodes} nodes {r.Variant}: {r.TreesPerSecond:#,0.#} trees/s, {r.NodesPerSecond:#,0} nodes/s, {r.BytesPerNode:#,0} B/node");

    private static string Machine() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, load average {LoadAverage()} (controlled rates per {(ThreadClock.IsCpuTime ? "CPU second of the harness thread" : "wall-clock second")}; public path and baselines per CPU second of the process), {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {RuntimeInformation.FrameworkDescription}, {(GCSettings() ? "server" : "workstation")} GC");

    /// <summary>The 1-minute load average where the OS tells it (Linux), else "unknown": figures on a loaded machine are noisier.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static bool GCSettings() => System.Runtime.GCSettings.IsServerGC;

    /// <summary>Cycles through the trees on one dedicated thread, <see cref="BenchOptions.Repeats"/> times; reports the median rate.</summary>
    private static ThroughputRow Controlled(string patternId, TaskTree[] trees, string variant, BenchOptions options)
    {
        var pattern = ChaosPattern.Catalog(patternId);
        var run = RunOptions.Default;
        var rates = new List<double>();
        var wall = new List<double>();
        long totalTrees = 0, totalNodes = 0, totalBytes = 0, totalSteps = 0;
        OnOwnThread(() =>
        {
            // Warm up (JIT, tiering) before measuring.
            foreach (var tree in trees)
            {
                _ = SingleRun.Runner(tree, pattern, run).Run();
            }

            for (var repeat = 0; repeat < options.Repeats; repeat++)
            {
                long count = 0, nodes = 0, steps = 0;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadClock.Now();
                var clock = Stopwatch.StartNew();
                do
                {
                    foreach (var tree in trees)
                    {
                        steps += SingleRun.Runner(tree, pattern, run).Run().Steps;
                        nodes += tree.NodeCount;
                        count++;
                    }
                }
                while (clock.Elapsed < options.MeasureTime);

                var elapsed = (ThreadClock.Now() - cpu).TotalSeconds;
                wall.Add(count / clock.Elapsed.TotalSeconds);
                totalBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                rates.Add(count / elapsed);
                totalTrees += count;
                totalNodes += nodes;
                totalSteps += steps;
            }
        });

        var nodesPerTree = (double)totalNodes / totalTrees;
        var treesPerSecond = Statistics.Median(rates);
        return new ThroughputRow(patternId, trees[0].NodeCount, variant, "controlled",
            treesPerSecond, treesPerSecond * nodesPerTree, Statistics.Median(wall), (double)totalBytes / totalNodes, (double)totalSteps / totalTrees, totalTrees, null);
    }

    /// <summary>The first few trees in real-time mode, one after another; the rate is trees over total real time.</summary>
    private static ThroughputRow RealTime(string patternId, TaskTree[] trees, BenchOptions options)
    {
        var pattern = ChaosPattern.Catalog(patternId);
        var run = RunOptions.Default with { Mode = ExecutionMode.RealTime, TimeScale = options.RealTimeScale };
        var chosen = trees.Take(Math.Max(1, options.RealTimeTrees)).ToArray();
        long nodes = 0, events = 0;
        var clock = Stopwatch.StartNew();
        foreach (var tree in chosen)
        {
            var report = SingleRun.OnHarnessThread(tree, pattern, run, null);
            events += report.Trace.Events.Count;
            nodes += tree.NodeCount;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new ThroughputRow(patternId, trees[0].NodeCount, "mixed", "real-time",
            chosen.Length / seconds, nodes / seconds, chosen.Length / seconds, 0, (double)events / chosen.Length, chosen.Length, null);
    }

    private static SearchRow Search(string patternId, int seeds)
    {
        var pattern = ChaosPattern.Catalog(patternId);
        var search = new List<double>();
        var shrink = new List<double>();
        var trees = new List<double>();
        var shrunk = new List<double>();
        var found = 0;

        // One warm-up search, not counted: the first pays for JIT.
        _ = ChaosSearch.Run(pattern, new ChaosOptions { Seed = 0, MaxTrees = 200 }, CancellationToken.None);
        for (var seed = 1; seed <= seeds; seed++)
        {
            var result = ChaosSearch.Run(pattern, new ChaosOptions { Seed = seed }, CancellationToken.None);
            search.Add(result.SearchTime.TotalMilliseconds);
            trees.Add(result.TreesRun);
            if (result.Counterexample is { } counterexample)
            {
                found++;
                shrink.Add(result.ShrinkTime.TotalMilliseconds);
                shrunk.Add(counterexample.NodeCount);
            }
        }

        return new SearchRow(patternId, seeds, found, Statistics.Median(search), search.Max(), Statistics.Median(shrink), shrink.DefaultIfEmpty().Max(), Statistics.Median(trees), Statistics.Median(shrunk));
    }

    internal static void OnOwnThread(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true, Name = "ConcurrencyChaos bench" };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
