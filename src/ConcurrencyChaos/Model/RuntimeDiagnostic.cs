namespace ConcurrencyChaos.Model;

/// <summary>
/// Something the code under test did that the deterministic runtime does not control: work on the
/// thread pool, a real timer, a blocking wait, an exception escaping an async void method, a
/// pattern throwing before it returned a task. A run with diagnostics may not replay exactly.
/// </summary>
/// <param name="Kind">A stable kebab-case id: "thread-pool", "real-timer", "blocking-wait", "async-void-exception", "sync-throw", "stuck"; and two that stop a search with a <see cref="ChaosException"/>: "pattern-error" (a pattern threw its own exception before returning a task) and "operation-error" (a registered operation failed by itself).</param>
/// <param name="NodeId">The node it is attributed to, when known.</param>
/// <param name="Message">What happened and the likely cause, in a sentence.</param>
public sealed record RuntimeDiagnostic(string Kind, string? NodeId, string Message)
{
    /// <summary>
    /// Whether this is only a hint drawn from process-wide counters (real timers, thread-pool
    /// activity) that other work in the process can move: shown to people, but left out of
    /// <see cref="Trace.ToText"/> so that replays compare equal.
    /// </summary>
    public bool IsHint { get; init; }

    /// <inheritdoc />
    public override string ToString() => NodeId is null ? $"[{Kind}] {Message}" : $"[{Kind}] {NodeId}: {Message}";
}
