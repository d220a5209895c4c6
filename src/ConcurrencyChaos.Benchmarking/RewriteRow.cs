namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// What rewriting one real assembly costs: a fresh copy rewritten in a temporary folder each time (the shim list
/// loaded, the assembly and its debug information read, every body rewritten, the result written), process CPU time
/// and wall time, the median of the repeats after a first, cold one (JIT included), which is reported apart.
/// </summary>
/// <param name="Assembly">The assembly's file name.</param>
/// <param name="Megabytes">Its size in MB (10⁶ bytes).</param>
/// <param name="CallSites">Call sites the rewrite redirected to a shim.</param>
/// <param name="Repeats">Rewrites measured for the medians (the cold one not counted).</param>
/// <param name="MedianCpuSeconds">Median process CPU seconds of one rewrite.</param>
/// <param name="MedianWallSeconds">Median wall-clock seconds of one rewrite.</param>
/// <param name="ColdCpuSeconds">Process CPU seconds of the first rewrite of the process, JIT included: what a build's rewrite pays.</param>
public sealed record RewriteRow(
    string Assembly,
    double Megabytes,
    int CallSites,
    int Repeats,
    double MedianCpuSeconds,
    double MedianWallSeconds,
    double ColdCpuSeconds);
