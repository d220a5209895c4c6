namespace ConcurrencyChaos.Benchmarking;

/// <summary>One throughput figure: a pattern over a set of same-sized trees, in one execution mode.</summary>
/// <param name="Pattern">The catalog pattern.</param>
/// <param name="Nodes">Nodes per tree.</param>
/// <param name="Variant">"mixed" (faults and cancellations) or "no-fail".</param>
/// <param name="Mode">"controlled" or "real-time".</param>
/// <param name="TreesPerSecond">Median trees per second on one thread: per CPU second of that thread where the OS gives thread CPU time (controlled), else per wall-clock second (always so in real time).</param>
/// <param name="NodesPerSecond">Median nodes per second, counted as <paramref name="TreesPerSecond"/>.</param>
/// <param name="WallTreesPerSecond">Median trees per wall-clock second (lower than <paramref name="TreesPerSecond"/> when the machine is loaded).</param>
/// <param name="BytesPerNode">Bytes allocated on the harness thread per node (controlled only; 0 in real time, where work runs on the pool).</param>
/// <param name="StepsPerTree">Mean scheduler steps (controlled) or trace events (real time) per tree.</param>
/// <param name="Trees">Trees run to get the figure (all repeats).</param>
/// <param name="ControlledSpeedup">For a real-time row: controlled trees/s of the same row divided by this row's; else null.</param>
public sealed record ThroughputRow(
    string Pattern,
    int Nodes,
    string Variant,
    string Mode,
    double TreesPerSecond,
    double NodesPerSecond,
    double WallTreesPerSecond,
    double BytesPerNode,
    double StepsPerTree,
    long Trees,
    double? ControlledSpeedup);
