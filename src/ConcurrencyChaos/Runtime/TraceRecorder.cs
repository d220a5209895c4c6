namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Writes the trace as a run goes: every event stamped with the runtime's step and virtual time.
/// Locked, because escaped code may record from another thread (and is reported for it).
/// </summary>
internal sealed class TraceRecorder(DeterministicRuntime runtime)
{
    private readonly List<TraceEvent> _events = [];
    private int _running;

    /// <summary>Nodes started and not yet ended.</summary>
    public int Running => Volatile.Read(ref _running);

    public void Started(string nodeId)
    {
        runtime.CurrentNode = nodeId;
        Interlocked.Increment(ref _running);
        Add(TraceEventKind.Started, nodeId);
    }

    /// <summary>Notes that a node's code runs again (for blaming escapes and stuck threads); records nothing.</summary>
    public void Resumed(string nodeId)
    {
        runtime.CurrentNode = nodeId;
        runtime.NoteForeignNode(nodeId);
    }

    public void TokenCancelled(string nodeId) => Add(TraceEventKind.TokenCancelled, nodeId);

    public void Threw(string nodeId, Model.InjectedError error) => Add(TraceEventKind.Threw, nodeId, error: error);

    public void Ended(string nodeId, NodeOutcome outcome, string? detail = null)
    {
        Add(TraceEventKind.Ended, nodeId, outcome, detail: detail);
        Interlocked.Decrement(ref _running);
    }

    public void CallerCancelled() => Add(TraceEventKind.CallerCancelled, Model.TaskTree.RootId);

    public IReadOnlyList<TraceEvent> Snapshot()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    private void Add(TraceEventKind kind, string nodeId, NodeOutcome? outcome = null, Model.InjectedError? error = null, string? detail = null)
    {
        runtime.NoteForeignNode(nodeId);
        lock (_events)
        {
            _events.Add(new TraceEvent(runtime.Step, runtime.Time.NowMs, kind, nodeId, outcome, error, detail));
        }
    }
}
