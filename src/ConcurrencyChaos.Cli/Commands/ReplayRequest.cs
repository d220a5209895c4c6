namespace ConcurrencyChaos.Cli.Commands;

/// <summary>What <c>chaos replay</c> was asked.</summary>
/// <param name="File">The scenario file.</param>
/// <param name="PatternId">The one pattern to run, or null for every pattern in the scenario's expect.</param>
/// <param name="Trace">Whether to print every trace event.</param>
/// <param name="Timeline">The SVG file to draw the run in, or null.</param>
/// <param name="RealTime">Whether to run in real-time mode.</param>
internal sealed record ReplayRequest(string File, string? PatternId, bool Trace, string? Timeline, bool RealTime);
