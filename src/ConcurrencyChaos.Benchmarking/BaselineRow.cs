namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// A way of checking the same trees without our runtime, measured in the same run: the harness's real-time mode, or a
/// hand-written FsCheck property whose children are real <c>Task.Delay</c>s on the thread pool.
/// </summary>
/// <param name="Baseline"><c>real-time mode</c> or <c>FsCheck on the thread pool</c>.</param>
/// <param name="Trees">Trees run.</param>
/// <param name="TreesPerCpuSecond">Trees per CPU second of the process.</param>
/// <param name="TreesPerWallSecond">Trees per wall-clock second.</param>
/// <param name="PublicPathRatio">The public path's trees per CPU second divided by this baseline's.</param>
public sealed record BaselineRow(string Baseline, int Trees, double TreesPerCpuSecond, double TreesPerWallSecond, double PublicPathRatio);
