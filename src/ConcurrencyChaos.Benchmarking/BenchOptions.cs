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
        Repeats = 1,
        RealTimeTrees = 1,
        RealTimeScale = 0.25,
        SearchSeeds = 1,
        SearchPatterns = ["when-all", "fire-and-forget"],
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

    /// <summary>Search seeds per pattern for time-to-counterexample; medians are reported.</summary>
    public int SearchSeeds { get; init; } = 7;

    /// <summary>Patterns searched; null for every naive catalog pattern.</summary>
    public IReadOnlyList<string>? SearchPatterns { get; init; }
}
