namespace ConcurrencyChaos.Benchmarking;

/// <summary>Time to the first counterexample and to shrink it, for one pattern, over several search seeds.</summary>
/// <param name="Pattern">The catalog pattern.</param>
/// <param name="Seeds">Search seeds run.</param>
/// <param name="Found">Seeds whose search found a counterexample.</param>
/// <param name="MedianSearchMs">Median real ms from the start of the search to the first failing tree.</param>
/// <param name="MaxSearchMs">Slowest search.</param>
/// <param name="MedianShrinkMs">Median real ms to shrink it and replay the minimal tree.</param>
/// <param name="MaxShrinkMs">Slowest shrink.</param>
/// <param name="MedianTreesToFind">Median trees run before the first failure.</param>
/// <param name="MedianShrunkNodes">Median node count of the minimal tree.</param>
public sealed record SearchRow(
    string Pattern,
    int Seeds,
    int Found,
    double MedianSearchMs,
    double MaxSearchMs,
    double MedianShrinkMs,
    double MaxShrinkMs,
    double MedianTreesToFind,
    double MedianShrunkNodes);
