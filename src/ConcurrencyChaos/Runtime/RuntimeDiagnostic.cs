namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Something the code under test did that the deterministic runtime does not control: work on the
/// thread pool, a real timer, a blocking wait, an exception escaping an async void method, a
/// pattern throwing before it returned a task. A run with diagnostics may not replay exactly.
/// </summary>
/// <param name="Kind">A stable kebab-case id: "thread-pool", "real-timer", "blocking-wait", "async-void-exception", "sync-throw", "stuck".</param>
/// <param name="NodeId">The node it is attributed to, when known.</param>
/// <param name="Message">What happened and the likely cause, in a sentence.</param>
public sealed record RuntimeDiagnostic(string Kind, string? NodeId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => NodeId is null ? $"[{Kind}] {Message}" : $"[{Kind}] {NodeId}: {Message}";
}
