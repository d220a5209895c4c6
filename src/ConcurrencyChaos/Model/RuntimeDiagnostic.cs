namespace ConcurrencyChaos.Model;

/// <summary>
/// Something the code under test did that the deterministic runtime does not control: work on the
/// thread pool, a real timer, a blocking wait, an exception escaping an async void method, a
/// pattern throwing before it returned a task. A run with diagnostics may not replay exactly.
/// </summary>
/// <param name="Kind">What kind of thing it was; its id (<see cref="DiagnosticKinds.Id"/>) is how text names it.</param>
/// <param name="NodeId">The node it is attributed to, when known.</param>
/// <param name="Message">What happened and the likely cause, in a sentence.</param>
public sealed record RuntimeDiagnostic(DiagnosticKind Kind, string? NodeId, string Message)
{
    /// <summary>
    /// Whether this is only a hint drawn from process-wide counters (real timers, thread-pool
    /// activity) that other work in the process can move: shown to people, but left out of
    /// <see cref="Trace.ToText"/> so that replays compare equal.
    /// </summary>
    public bool IsHint { get; init; }

    /// <inheritdoc />
    public override string ToString() => NodeId is null ? $"[{Kind.Id()}] {Message}" : $"[{Kind.Id()}] {NodeId}: {Message}";
}
