using System.Globalization;
using System.Text;

namespace ConcurrencyChaos.Model;

/// <summary>
/// Everything a run recorded, as plain data: the events in order, what <c>await root</c> gave the
/// caller, how the run ended and anything uncontrolled the runtime saw. Invariants judge this and
/// nothing else. The same tree and seed always give the same <see cref="ToText"/>.
/// </summary>
public sealed class Trace
{
    private Dictionary<string, NodeTimeline>? _nodes;

    /// <summary>Creates a trace from recorded events.</summary>
    public Trace(
        IReadOnlyList<TraceEvent> events,
        RootResult root,
        RunStatus status,
        IReadOnlyList<RuntimeDiagnostic> diagnostics,
        long endTime,
        long steps)
    {
        ArgumentNullException.ThrowIfNull(events);
        Events = events;
        Root = root;
        Status = status;
        Diagnostics = diagnostics;
        EndTime = endTime;
        Steps = steps;
    }

    /// <summary>The events, in the order they happened.</summary>
    public IReadOnlyList<TraceEvent> Events { get; }

    /// <summary>What <c>await root</c> gave the caller.</summary>
    public RootResult Root { get; }

    /// <summary>How the run ended.</summary>
    public RunStatus Status { get; }

    /// <summary>Uncontrolled work the runtime saw. Empty for a fully controlled run.</summary>
    public IReadOnlyList<RuntimeDiagnostic> Diagnostics { get; }

    /// <summary>Virtual ms at which the run stopped.</summary>
    public long EndTime { get; }

    /// <summary>Scheduler steps the run took.</summary>
    public long Steps { get; }

    /// <summary>
    /// Null for a controlled run: one thread, so the order of <see cref="Events"/> is exact, even within one virtual
    /// instant. In real time, the real time within which two events are a tie (<see cref="Execution.RunOptions.RealTimeTolerance"/>):
    /// events recorded on different threads that close together may appear in either order, so judging never blames
    /// one for coming after the other.
    /// </summary>
    public TimeSpan? TieTolerance => Ties?.Tolerance;

    /// <summary>In real time, when each event was recorded, to tell ties from order; null for a controlled run.</summary>
    internal RealTimeTies? Ties { get; init; }

    /// <summary>Every node that appears in the trace, by id.</summary>
    /// <remarks>
    /// Read off the events when first asked for, and kept: the judge reads the nodes by their position in the tree, so
    /// most runs of a search never need these timelines (benign race: two threads asking first build equal ones).
    /// </remarks>
    public IReadOnlyDictionary<string, NodeTimeline> Nodes => Timelines;

    /// <summary>The caller's cancellation event, if the caller cancelled during the run.</summary>
    public TraceEvent? CallerCancelled => Events.FirstOrDefault(e => e.Kind == TraceEventKind.CallerCancelled);

    /// <summary>A node's timeline; an empty one (never started) for a node the run never reached.</summary>
    public NodeTimeline Node(string nodeId) => Timelines.TryGetValue(nodeId, out var timeline) ? timeline : new NodeTimeline(nodeId);

    private Dictionary<string, NodeTimeline> Timelines => _nodes ??= BuildTimelines(Events);

    /// <summary>The trace as stable text: one event per line, then the root's result, the run's status and its diagnostics (hints excepted).</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var e in Events)
        {
            text.Append(e).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"root: {Root.Outcome?.ToString() ?? "never ended"}");
        if (Root.Exception is { } exception)
        {
            text.Append(" threw ").Append(exception);
        }

        text.Append(CultureInfo.InvariantCulture, $"\nstatus: {Status} at {EndTime}ms after {Steps} step{(Steps == 1 ? "" : "s")}\n");
        foreach (var diagnostic in Diagnostics.Where(d => !d.IsHint))
        {
            text.Append(diagnostic).Append('\n');
        }

        return text.ToString();
    }

    private static Dictionary<string, NodeTimeline> BuildTimelines(IReadOnlyList<TraceEvent> events)
    {
        // One pass gathering each node's events, then one timeline per node: the same timelines as folding
        // the events into records one `with` at a time, without a copy per event.
        var builders = new Dictionary<string, TimelineBuilder>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind is TraceEventKind.CallerCancelled or TraceEventKind.AssertionFailed)
            {
                continue; // about the run, not a step in the node's life
            }

            if (!builders.TryGetValue(e.NodeId, out var node))
            {
                node = new TimelineBuilder();
                builders[e.NodeId] = node;
            }

            NodeLifeRule.Apply(e, ref node.Started, ref node.TokenCancelled, ref node.Ended);
            if (e.Kind == TraceEventKind.Threw && e.Error is { } error)
            {
                (node.Threw ??= []).Add(error);
            }
        }

        var nodes = new Dictionary<string, NodeTimeline>(builders.Count, StringComparer.Ordinal);
        foreach (var (id, node) in builders)
        {
            var timeline = new NodeTimeline(id) { Started = node.Started, TokenCancelled = node.TokenCancelled, Ended = node.Ended };
            nodes[id] = node.Threw is { } threw ? timeline with { Threw = [.. threw] } : timeline;
        }

        return nodes;
    }

    /// <summary>A node's timeline while the events are read.</summary>
    private sealed class TimelineBuilder
    {
        public TraceEvent? Started;

        public TraceEvent? TokenCancelled;

        public TraceEvent? Ended;

        public List<InjectedError>? Threw;
    }
}
