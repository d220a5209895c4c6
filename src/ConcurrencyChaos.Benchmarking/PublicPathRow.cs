namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// One public-path figure: <c>Chaos.Check</c> of a pattern that holds (so every tree runs: generate, execute, judge),
/// beside executing the same trees alone; process CPU time, the median of the repeats, past warm-up.
/// </summary>
/// <param name="Path"><c>Chaos.Check</c> or <c>execution alone</c>.</param>
/// <param name="MaxNodes">The search's <c>ChaosOptions.MaxNodes</c>.</param>
/// <param name="NodesPerTree">Mean nodes per tree the search generated.</param>
/// <param name="TreesPerCpuSecond">Median trees per CPU second of the process.</param>
/// <param name="NodesPerCpuSecond">Median nodes per CPU second of the process.</param>
/// <param name="BytesPerNode">Bytes allocated (all threads) per node.</param>
/// <param name="Trees">Trees run per repeat.</param>
public sealed record PublicPathRow(
    string Path,
    int MaxNodes,
    double NodesPerTree,
    double TreesPerCpuSecond,
    double NodesPerCpuSecond,
    double BytesPerNode,
    int Trees);
