using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>Builds a trace by hand, one event a line, in the order they happened.</summary>
internal sealed class TraceBuilder
{
    private readonly List<TraceEvent> _events = [];
    private TimeSpan? _tieTolerance;

    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>
    /// Built traces are real-time ones at scale 1 (each event recorded at its time), whose events less than
    /// <paramref name="ms"/> apart are a tie.
    /// </summary>
    public TraceBuilder RealTime(double ms)
    {
        _tieTolerance = TimeSpan.FromMilliseconds(ms);
        return this;
    }

    public TraceBuilder Started(string id, long time) => Add(time, TraceEventKind.Started, id);

    public TraceBuilder Cancelled(string id, long time) => Add(time, TraceEventKind.TokenCancelled, id);

    public TraceBuilder CallerCancelled(long time) => Add(time, TraceEventKind.CallerCancelled, TaskTree.RootId);

    public TraceBuilder Threw(string id, long time, ErrorKind kind, ErrorOrigin origin = ErrorOrigin.Fail) =>
        Add(time, TraceEventKind.Threw, id, error: new InjectedError(id, kind, origin));

    public TraceBuilder Ended(string id, long time, NodeOutcome outcome = NodeOutcome.RanToCompletion) =>
        Add(time, TraceEventKind.Ended, id, outcome);

    /// <summary>The leaf throws its error after its work and ends faulted.</summary>
    public TraceBuilder Fails(string id, long time, ErrorKind kind, ErrorOrigin origin = ErrorOrigin.Fail) =>
        Threw(id, time, kind, origin).Add(time, TraceEventKind.Ended, id, NodeOutcome.Faulted, new InjectedError(id, kind, origin));

    public TraceBuilder Add(TraceEvent traceEvent)
    {
        _events.Add(traceEvent);
        return this;
    }

    /// <summary>
    /// The trace, with the root's result read off the root's Ended event; the caller observed
    /// <paramref name="observed"/> (by default, when the root faulted, every error thrown before it ended).
    /// </summary>
    public Trace Build(IReadOnlyList<InjectedError>? observed = null, RunStatus? status = null, long? endTime = null)
    {
        var rootEnd = _events.FindIndex(e => e.Kind == TraceEventKind.Ended && e.NodeId == TaskTree.RootId);
        if (rootEnd < 0)
        {
            return Build(RootResult.NeverEnded, status ?? RunStatus.Deadlocked, endTime);
        }

        var outcome = _events[rootEnd].Outcome!.Value;
        observed ??= outcome == NodeOutcome.Faulted
            ? [.. _events.Take(rootEnd).Where(e => e.Kind == TraceEventKind.Threw).Select(e => e.Error!)]
            : [];
        var exception = outcome == NodeOutcome.Faulted ? "TaskGroupException" : outcome == NodeOutcome.Canceled ? "TaskCanceledException" : null;
        return Build(new RootResult(outcome, exception, observed), status, endTime);
    }

    public Trace Build(RootResult root, RunStatus? status = null, long? endTime = null)
    {
        var ended = _events.Any(e => e.Kind == TraceEventKind.Ended && e.NodeId == TaskTree.RootId);
        var stragglers = _events.Where(e => e.Kind == TraceEventKind.Started).Select(e => e.NodeId)
            .Except(_events.Where(e => e.Kind == TraceEventKind.Ended).Select(e => e.NodeId)).Any();
        var defaultStatus = !ended ? RunStatus.Deadlocked : stragglers ? RunStatus.CompletedWithStragglers : RunStatus.Completed;
        endTime ??= _events.Count == 0 ? 0 : _events.Max(e => e.Time);
        return new Trace(_events.ToList(), root, status ?? defaultStatus, [], endTime.Value, _events.Count) 
        {
            Ties = _tieTolerance is { } tolerance ? new RealTimeTies([.. _events.Select(e => TimeSpan.FromMilliseconds(e.Time))], tolerance) : null,
        };
    }

    private TraceBuilder Add(long time, TraceEventKind kind, string id, NodeOutcome? outcome = null, InjectedError? error = null) =>
        Add(new TraceEvent(_events.Count + 1, time, kind, id, outcome, error));
}
