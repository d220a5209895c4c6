using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// What every invariant judges: the tree, its trace, the ideal run (computed once, on first use) and
/// lookups over them. "Before" and "after" are positions in <see cref="Model.Trace.Events"/> for a
/// controlled run; in real time, where threads record events concurrently, one event is after another only
/// when it was recorded more than <see cref="Model.Trace.TieTolerance"/> later (<see cref="After"/>).
/// </summary>
internal sealed class JudgeInput
{
    private readonly ConcurrencyBounds _bounds;
    private ReferenceOutcome? _reference;
    private bool? _terminatesInAnyStartOrder;
    private Dictionary<string, TreeEntry>? _entriesById;
    private Dictionary<string, List<string>>? _children;
    private Dictionary<string, int>? _order;
    private Dictionary<TraceEvent, int>? _eventIndex;
    private RunView? _view;

    /// <summary>Prepares a tree and the trace of one run of it for judging; <paramref name="bounds"/> bound the ideal run (none by default).</summary>
    public JudgeInput(TaskTree tree, Trace trace, ConcurrencyBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(trace);
        Tree = tree;
        Trace = trace;
        _bounds = bounds ?? ConcurrencyBounds.None;
        var entries = new List<TreeEntry>(tree.NodeCount);
        entries.AddRange(tree.Entries());
        Entries = entries;
    }

    // The lookups below are built on first use: a run that breaks nothing asks for few of them, and judging is paid per tree.
    private Dictionary<string, TreeEntry> EntriesById => _entriesById ??= Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    private Dictionary<string, List<string>> Children
    {
        get
        {
            if (_children is null)
            {
                var children = new Dictionary<string, List<string>>(Entries.Count, StringComparer.Ordinal);
                foreach (var entry in Entries)
                {
                    children[entry.Id] = [];
                    if (entry.ParentId is { } parent)
                    {
                        children[parent].Add(entry.Id);
                    }
                }

                _children = children;
            }

            return _children;
        }
    }

    private Dictionary<string, int> Order
    {
        get
        {
            if (_order is null)
            {
                var order = new Dictionary<string, int>(Entries.Count, StringComparer.Ordinal);
                foreach (var entry in Entries)
                {
                    order[entry.Id] = order.Count;
                }

                // Ids the tree does not know (a runtime bug) sort after all of its nodes, as they first appear.
                foreach (var e in Trace.Events)
                {
                    order.TryAdd(e.NodeId, order.Count);
                }

                _order = order;
            }

            return _order;
        }
    }

    private Dictionary<TraceEvent, int> EventIndex
    {
        get
        {
            if (_eventIndex is null)
            {
                var events = Trace.Events;
                var index = new Dictionary<TraceEvent, int>(events.Count, ReferenceEqualityComparer.Instance);
                for (var i = 0; i < events.Count; i++)
                {
                    index.TryAdd(events[i], i);
                }

                _eventIndex = index;
            }

            return _eventIndex;
        }
    }

    /// <summary>The tree that was run.</summary>
    public TaskTree Tree { get; }

    /// <summary>What the run recorded.</summary>
    public Trace Trace { get; }

    /// <summary>The ideal structured run of <see cref="Tree"/> (each group as bounded as its pattern declares), computed on first use.</summary>
    public ReferenceOutcome Reference => _reference ??= ReferenceModel.Run(Tree, _bounds);

    /// <summary>The run as the consumer's own invariants see it, made on first use.</summary>
    public RunView View => _view ??= new RunView(Tree, Trace);
    /// <summary>Whether the ideal run ends whatever order same-instant starts take (<see cref="ReferenceModel.TerminatesInAnyStartOrder"/>), computed on first use.</summary>
    public bool TerminatesInAnyStartOrder => _terminatesInAnyStartOrder ??= ReferenceModel.TerminatesInAnyStartOrder(Tree, _bounds);

    /// <summary>Every node of the tree with its id and parent id, in pre-order.</summary>
    public IReadOnlyList<TreeEntry> Entries { get; }

    /// <summary>The root's timeline.</summary>
    public NodeTimeline Root => Trace.Node(TaskTree.RootId);

    /// <summary>A node's timeline (an empty one if the run never reached it).</summary>
    public NodeTimeline Node(string nodeId) => Trace.Node(nodeId);

    /// <summary>The tree node with this id, or null if the tree has none.</summary>
    public TreeNode? TreeNode(string nodeId) => EntriesById.TryGetValue(nodeId, out var entry) ? entry.Node : null;

    /// <summary>The id of the group that received this node, or null for the root (or an unknown id).</summary>
    public string? ParentOf(string nodeId) => EntriesById.TryGetValue(nodeId, out var entry) ? entry.ParentId : null;

    /// <summary>The ids of a group's children in order (empty for a leaf or an unknown id).</summary>
    public IReadOnlyList<string> ChildrenOf(string nodeId) => Children.TryGetValue(nodeId, out var children) ? children : [];

    /// <summary>The position of a node in the tree's pre-order; ids unknown to the tree come after, in order of appearance.</summary>
    public int OrderOf(string nodeId) => Order.TryGetValue(nodeId, out var order) ? order : int.MaxValue;

    /// <summary>The position of <paramref name="traceEvent"/> in <see cref="Model.Trace.Events"/>.</summary>
    public int IndexOf(TraceEvent traceEvent)
    {
        ArgumentNullException.ThrowIfNull(traceEvent);
        if (EventIndex.TryGetValue(traceEvent, out var index))
        {
            return index;
        }

        // An equal event that is not the recorded instance (e.g. rebuilt by hand): find it by value.
        for (var i = 0; i < Trace.Events.Count; i++)
        {
            if (Trace.Events[i] == traceEvent)
            {
                return i;
            }
        }

        throw new ArgumentException($"The event '{traceEvent}' is not in the trace.", nameof(traceEvent));
    }

    /// <summary>
    /// Whether <paramref name="a"/> certainly happened after <paramref name="b"/>: later in the trace (controlled),
    /// or recorded more than the tie tolerance later (real time: closer events are a tie, and a tie is never "after").
    /// </summary>
    public bool After(TraceEvent a, TraceEvent b) => Trace.Ties is { } ties ? ties.Later(a, b) : IndexOf(a) > IndexOf(b);

    /// <summary>
    /// Whether <paramref name="a"/> came at a later time than <paramref name="b"/>: a later virtual instant
    /// (controlled: the same instant is not later, whatever the order), or recorded more than the tie tolerance later (real time).
    /// </summary>
    public bool LaterInTime(TraceEvent a, TraceEvent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Trace.Ties is { } ties ? ties.Later(a, b) : a.Time > b.Time;
    }

    /// <summary>Whether the node was certainly running at <paramref name="at"/>: started, not after it, and not ended by then.</summary>
    public bool RunningAt(NodeTimeline node, TraceEvent at)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Started is { } started
            && !After(started, at)
            && (node.Ended is not { } ended || After(ended, at));
    }

    /// <summary>Whether the root's task ended and the caller's await got a result.</summary>
    public bool RootEnded => Trace.Root.Outcome is not null && Root.Ended is not null;
}
