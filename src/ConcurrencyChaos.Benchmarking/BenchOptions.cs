namespace ConcurrencyChaos.Benchmarking;

/// <summary>What <see cref="Benchmark.Run"/> measures and how long it spends on each figure.</summary>
public sealed record BenchOptions
{
    /// <summary>The full benchmark (about a minute on two shared cores).</summary>
    public static BenchOptions Default { get; } = new();

    /// <summary>A few seconds: every row filled, figures too noisy to quote.</summary>
    public static BenchOptions Quick { get; } = new()
    {
        Sizes = [10, 50],
        Patterns = ["when-all", "task-group"],
        TreesPerSet = 8,
        MeasureTime = TimeSpan.FromMilliseconds(30),
        RealTimeTrees = 1,
        RealTimeScale = 0.25,
        SearchSeeds = 1,
        StrategySeeds = 1,
        SearchPatterns = ["when-all", "fire-and-forget"],
        PublicPathTrees = 2000,
        PublicPathMaxNodes = [16],
        WarmUp = TimeSpan.FromSeconds(0.5),
        JudgingSizes = [100, 4000],
        BaselineTrees = 10,
        RewriteRepeats = 3,
        RewrittenTrees = 1000,
    };

    /// <summary>Tree sizes in nodes (groups included).</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [10, 50, 200];

    /// <summary>Catalog patterns whose throughput is measured.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = ["when-all", "fire-and-forget", "task-group"];

    /// <summary>Distinct trees (fixed seeds 1..n) per size and variant, cycled through while measuring.</summary>
    public int TreesPerSet { get; init; } = 64;

    /// <summary>Real time of one controlled measurement; the figure is the median of <see cref="Repeats"/>.</summary>
    public TimeSpan MeasureTime { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Controlled measurements per row; the median is reported.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Trees (the first of the same set) run in real-time mode per row, for the baseline.</summary>
    public int RealTimeTrees { get; init; } = 3;

    /// <summary>Real ms per virtual ms in the real-time baseline.</summary>
    public double RealTimeScale { get; init; } = 1.0;

    /// <summary>Search seeds per pattern for time-to-counterexample; medians are reported; 0 skips the search rows.</summary>
    public int SearchSeeds { get; init; } = 7;

    /// <summary>Search seeds per scheduling strategy for the trees it needs to find the lost-update race; 0 skips the rows.</summary>
    public int StrategySeeds { get; init; } = 11;

    /// <summary>Patterns searched; null for every naive catalog pattern.</summary>
    public IReadOnlyList<string>? SearchPatterns { get; init; }

    /// <summary>Trees per public-path measurement (one <c>Chaos.Check</c> call); the figure is the median of <see cref="Repeats"/>.</summary>
    public int PublicPathTrees { get; init; } = 20_000;

    /// <summary>The <c>ChaosOptions.MaxNodes</c> of each public-path row: the default (16), and one whose trees average more nodes.</summary>
    public IReadOnlyList<int> PublicPathMaxNodes { get; init; } = [16, 64];

    /// <summary>Process CPU time spent on searches before the public path is measured, so JIT and tiering are done.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Tree sizes (nodes) whose judging alone is measured.</summary>
    public IReadOnlyList<int> JudgingSizes { get; init; } = [100, 1000, 4000];

    /// <summary>Trees each baseline (real-time mode, FsCheck on the thread pool) runs; 0 for none.</summary>
    public int BaselineTrees { get; init; } = 200;

    /// <summary>Rewrites of <see cref="RewriteAssembly"/> measured (after a cold one); 0 for no rewrite-time row.</summary>
    public int RewriteRepeats { get; init; } = 5;

    /// <summary>The assembly (over a megabyte) whose rewrite is timed; null for FSharp.Core.dll beside the running application.</summary>
    public string? RewriteAssembly { get; init; }

    /// <summary>Trees per round of the rewritten-vs-hand-written row (the median of <see cref="Repeats"/> rounds); 0 for no such row.</summary>
    public int RewrittenTrees { get; init; } = 10_000;

    /// <summary>How many trees the fresh-process figure covers.</summary>
    public int FreshProcessTrees { get; init; } = 1000;

    /// <summary>
    /// Measures <see cref="Benchmark.FirstTrees"/> of <see cref="FreshProcessTrees"/> in a new process and returns its CPU
    /// milliseconds (the caller knows how to start itself); null for no fresh-process figure.
    /// </summary>
    public Func<double?>? FreshProcess { get; init; }
}
