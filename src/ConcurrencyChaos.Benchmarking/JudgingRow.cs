namespace ConcurrencyChaos.Benchmarking;

/// <summary>Judging alone (every invariant) of one run of a tree of an exact size: the median over the repeats.</summary>
/// <param name="Nodes">Nodes in the tree.</param>
/// <param name="MillisecondsPerTree">Median thread CPU ms to judge the run once.</param>
/// <param name="NanosecondsPerNode">The same per node: flat when judging is linear in the tree.</param>
public sealed record JudgingRow(int Nodes, double MillisecondsPerTree, double NanosecondsPerNode);
