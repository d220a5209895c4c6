using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// Writes the trace as a run goes: every event stamped with the runtime's step and virtual time
/// (in real time: a global event sequence number and real elapsed ms divided by the scale).
/// Locked, because escaped code may record from another thread (and is reported for it).
/// </summary>
/// <param name="host">What the run runs on: the step, time and node of each event.</param>
/// <param name="expectedEvents">Room made at once for the events of a run, so the list seldom grows.</param>
internal sealed class TraceRecorder(RunHost host, int expectedEvents = 0)
{
    [ThreadStatic]
    private static bool t_pinned;

    [ThreadStatic]
    private static long t_pinnedMs;

    private readonly Lock _gate = new();
    private List<TraceEvent>? _events = new(expectedEvents);
    private int _running;

    /// <summary>Nodes started and not yet ended.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>How many distinct nodes have started (a node started twice counts once). Counted when asked, at the end of a run that left a timer pending.</summary>
    public int StartedNodes
    {
        get
        {
            lock (_gate)
            {
                return _events?.Where(e => e.Kind == TraceEventKind.Started).Select(e => e.NodeId).Distinct(StringComparer.Ordinal).Count() ?? 0;
            }
        }
    }

    public void Started(string nodeId)
    {
        host.CurrentNode = nodeId;
        Interlocked.Increment(ref _running);
        Add(TraceEventKind.Started, nodeId);
    }

    /// <summary>Notes that a node's code runs again (for blaming escapes and stuck threads); records nothing.</summary>
    public void Resumed(string nodeId)
    {
        host.CurrentNode = nodeId;
        host.NoteForeignNode(nodeId);
    }

    public void TokenCancelled(string nodeId) => Add(TraceEventKind.TokenCancelled, nodeId);

    public void Threw(string nodeId, Model.InjectedError error) => Add(TraceEventKind.Threw, nodeId, error: error);

    public void Ended(string nodeId, NodeOutcome outcome, string? detail = null)
    {
        Add(TraceEventKind.Ended, nodeId, outcome, detail: detail);
        Interlocked.Decrement(ref _running);
        host.Changed();
    }

    public void CallerCancelled() => Add(TraceEventKind.CallerCancelled, Model.TaskTree.RootId);

    /// <summary>A <c>Chaos.Assert</c> of <paramref name="nodeId"/>'s code failed with <paramref name="message"/>.</summary>
    public void AssertionFailed(string nodeId, string message) => Add(TraceEventKind.AssertionFailed, nodeId, detail: message);

    /// <summary>
    /// In real time: until the scope ends, events recorded on this thread carry the time it began, as
    /// everything in one controlled step shares one virtual instant. A cascade that runs synchronously
    /// (the caller's Cancel() reaching every token callback, a fault cancelling its siblings inline) is
    /// then one instant, as it is in controlled mode. Does nothing in controlled mode or when already pinned.
    /// </summary>
    public Instant Pin()
    {
        if (host.IsControlled || t_pinned)
        {
            return default;
        }

        t_pinnedMs = host.NowMs;
        t_pinned = true;
        return new Instant(true);
    }

    /// <summary>
    /// The events so far, handed over rather than copied: the trace is taken once, and what escaped code still records
    /// afterwards goes to a new list, which no trace sees.
    /// </summary>
    public IReadOnlyList<TraceEvent> Snapshot()
    {
        lock (_gate)
        {
            var events = _events;
            _events = null; // what escaped code records from now on goes to a list of its own
            return events ?? [];
        }
    }

    private void Add(TraceEventKind kind, string nodeId, NodeOutcome? outcome = null, Model.InjectedError? error = null, string? detail = null)
    {
        host.NoteForeignNode(nodeId);
        lock (_gate)
        {
            (_events ??= []).Add(new TraceEvent(host.EventStep(), t_pinned ? t_pinnedMs : host.NowMs, kind, nodeId, outcome, error, detail));
        }
    }

    /// <summary>The scope of <see cref="Pin"/>.</summary>
    public readonly struct Instant(bool owner) : IDisposable
    {
        public void Dispose()
        {
            if (owner)
            {
                t_pinned = false;
            }
        }
    }
}
