namespace ConcurrencyChaos.Rewriting;

/// <summary>One assembly the rewriter looked at.</summary>
/// <param name="Path">Its file.</param>
/// <param name="Status">What was done.</param>
/// <param name="CallSites">How many call sites now go through a shim.</param>
/// <param name="Elapsed">Real time spent on it.</param>
/// <param name="Note">A warning, e.g. debug information that could not be kept; null when none.</param>
public sealed record RewrittenAssembly(string Path, RewriteStatus Status, int CallSites, TimeSpan Elapsed, string? Note = null)
{
    /// <summary>One line for a log.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => Status switch
    {
        RewriteStatus.Rewritten => $"rewrote {System.IO.Path.GetFileName(Path)}: {CallSites} call sites ({Elapsed.TotalMilliseconds:0} ms)",
        RewriteStatus.AlreadyRewritten => $"{System.IO.Path.GetFileName(Path)}: already rewritten, left alone",
        _ => $"{System.IO.Path.GetFileName(Path)}: nothing to redirect",
    } + (Note is null ? "" : $" ({Note})");
}
