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
    private readonly Dictionary<string, NodeTimeline> _nodes;

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
        _nodes = BuildTimelines(events);
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

    /// <summary>Every node that appears in the trace, by id.</summary>
    public IReadOnlyDictionary<string, NodeTimeline> Nodes => _nodes;

    /// <summary>The caller's cancellation event, if the caller cancelled during the run.</summary>
    public TraceEvent? CallerCancelled => Events.FirstOrDefault(e => e.Kind == TraceEventKind.CallerCancelled);

    /// <summary>A node's timeline; an empty one (never started) for a node the run never reached.</summary>
    public NodeTimeline Node(string nodeId) => _nodes.TryGetValue(nodeId, out var timeline) ? timeline : new NodeTimeline(nodeId);

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
        var nodes = new Dictionary<string, NodeTimeline>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Kind == TraceEventKind.CallerCancelled)
            {
                continue;
            }

            var node = nodes.TryGetValue(e.NodeId, out var existing) ? existing : new NodeTimeline(e.NodeId);
            nodes[e.NodeId] = e.Kind switch
            {
                // A node the pattern invokes twice (a retry) keeps its first start and its last end.
                TraceEventKind.Started => node.Started is null ? node with { Started = e } : node,
                TraceEventKind.TokenCancelled => node.TokenCancelled is null ? node with { TokenCancelled = e } : node,
                TraceEventKind.Threw when e.Error is { } error => node with { Threw = [.. node.Threw, error] },
                TraceEventKind.Ended => node with { Ended = e },
                _ => node,
            };
        }

        return nodes;
    }
}
