using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// The diagnostics of one run, as both hosts keep them: one entry per (kind, node), the first message
/// wins. Locked, because escaped code reports from other threads.
/// </summary>
internal sealed class DiagnosticLog
{
    private readonly Lock _gate = new();

    // Made on the first report: most runs report nothing.
    private List<RuntimeDiagnostic>? _entries;
    private HashSet<(DiagnosticKind, string?)>? _reported;

    /// <summary>Records a diagnostic, unless one of this kind was already recorded for this node.</summary>
    public void Report(DiagnosticKind kind, string? nodeId, string message, bool hint = false)
    {
        lock (_gate)
        {
            if ((_reported ??= []).Add((kind, nodeId)))
            {
                (_entries ??= []).Add(new RuntimeDiagnostic(kind, nodeId, message) { IsHint = hint });
            }
        }
    }

    /// <summary>The diagnostics so far, in the order they were first reported.</summary>
    public IReadOnlyList<RuntimeDiagnostic> Snapshot()
    {
        lock (_gate)
        {
            return _entries is null ? [] : [.. _entries];
        }
    }
}
