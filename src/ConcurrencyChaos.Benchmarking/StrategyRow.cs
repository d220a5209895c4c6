namespace ConcurrencyChaos.Benchmarking;

/// <summary>How many trees a scheduling strategy needs to find the lost-update race (stated with <c>Chaos.Assert</c>), over several search seeds.</summary>
/// <param name="Strategy">The scheduling strategy: Random or Pct.</param>
/// <param name="Seeds">Search seeds run.</param>
/// <param name="Found">Seeds whose search found the race within <paramref name="MaxTrees"/>.</param>
/// <param name="MedianTreesToFind">Median trees run until the race was found (a search that did not find it counts as <paramref name="MaxTrees"/>).</param>
/// <param name="MaxTrees">Each search's tree limit.</param>
public sealed record StrategyRow(string Strategy, int Seeds, int Found, double MedianTreesToFind, int MaxTrees);
