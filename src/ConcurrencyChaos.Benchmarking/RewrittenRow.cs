namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// What running rewritten code costs under the runtime: the same fan-out and the same trees, as written for the runtime
/// (plain awaits) and as production code writes it (<c>ConfigureAwait(false)</c>, <c>Task.Run</c>) rewritten to the
/// shims. Process CPU time of executing every tree once, the median of the rounds past a warm-up.
/// </summary>
/// <param name="FanOut">The fan-out measured.</param>
/// <param name="Trees">Trees per round (those <c>Chaos.Check</c> with seed 1 runs first).</param>
/// <param name="Rounds">Rounds per spelling; the medians are reported.</param>
/// <param name="HandWrittenCpuMilliseconds">Median process CPU ms of a round of the hand-written fan-out.</param>
/// <param name="RewrittenCpuMilliseconds">Median process CPU ms of a round of the rewritten production fan-out.</param>
/// <param name="Ratio">Rewritten ÷ hand-written.</param>
public sealed record RewrittenRow(
    string FanOut,
    int Trees,
    int Rounds,
    double HandWrittenCpuMilliseconds,
    double RewrittenCpuMilliseconds,
    double Ratio);
