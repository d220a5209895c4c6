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
    private NodeTimeline?[]? _timelines;
    private readonly int[] _parents;
    private Dictionary<string, int>? _order;
    private EventPositions? _positions;
    private TraceEvent? _callerCancelled;
    private bool _callerCancelledFound;
    private RunView? _view;

    /// <summary>Prepares a tree and the trace of one run of it for judging; <paramref name="bounds"/> bound the ideal run (none by default).</summary>
    public JudgeInput(TaskTree tree, Trace trace, ConcurrencyBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(trace);
        Tree = tree;
        Trace = trace;
        _bounds = bounds ?? ConcurrencyBounds.None;
        (Entries, _parents) = Walk(tree);
    }

    // The lookups below are built on first use: a run that breaks nothing asks for few of them, and judging is paid per
    // tree. Each is built in one pass, and nodes are then found by their position in the pre-order, not by id.
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

    private EventPositions Positions => _positions ??= new EventPositions(Trace.Events);

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

    /// <summary>The caller's cancellation event (<see cref="Model.Trace.CallerCancelled"/>), looked up once per judge.</summary>
    public TraceEvent? CallerCancelled
    {
        get
        {
            if (!_callerCancelledFound)
            {
                var events = Trace.Events;
                for (var i = 0; i < events.Count && _callerCancelled is null; i++)
                {
                    _callerCancelled = events[i].Kind == TraceEventKind.CallerCancelled ? events[i] : null;
                }

                _callerCancelledFound = true;
            }

            return _callerCancelled;
        }
    }

    /// <summary>The root's timeline.</summary>
    public NodeTimeline Root => NodeAt(0);

    /// <summary>The timeline of the node at <paramref name="position"/> in <see cref="Entries"/>, looked up once per judge.</summary>
    public NodeTimeline NodeAt(int position)
    {
        var timelines = _timelines ??= new NodeTimeline?[Entries.Count];
        return timelines[position] ??= Trace.Node(Entries[position].Id);
    }

    /// <summary>The position in <see cref="Entries"/> of the group that received the node at <paramref name="position"/>; -1 for the root.</summary>
    public int ParentAt(int position) => _parents[position];

    /// <summary>The position of a node in the tree's pre-order; ids unknown to the tree come after, in order of appearance.</summary>
    public int OrderOf(string nodeId) => Order.TryGetValue(nodeId, out var order) ? order : int.MaxValue;

    /// <summary>The position of <paramref name="traceEvent"/> in <see cref="Model.Trace.Events"/>.</summary>
    public int IndexOf(TraceEvent traceEvent)
    {
        ArgumentNullException.ThrowIfNull(traceEvent);
        if (Positions.Of(traceEvent) is var index and >= 0)
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
    public bool After(TraceEvent a, TraceEvent b) => Trace.Ties is { } ties ? ties.Later(a, b) : LaterInTrace(a, b);

    /// <summary>
    /// Whether <paramref name="a"/> comes later in <see cref="Model.Trace.Events"/> than <paramref name="b"/>, both events
    /// of the trace: told by their steps when the trace is in step order and they differ, by their positions otherwise.
    /// </summary>
    public bool LaterInTrace(TraceEvent a, TraceEvent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Step != b.Step && Positions.InStepOrder ? a.Step > b.Step : IndexOf(a) > IndexOf(b);
    }

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

    /// <summary>
    /// The tree's entries in pre-order (as <see cref="TaskTree.Entries"/> gives them) and the position of each one's
    /// parent, in one walk into arrays of the tree's size: no growing lists, no enumerator.
    /// </summary>
    private static (TreeEntry[] Entries, int[] Parents) Walk(TaskTree tree)
    {
        var entries = new TreeEntry[tree.NodeCount];
        var parents = new int[entries.Length];

        // Children are pushed last first, so that they come off the stack in order; the stack never holds more than the tree.
        var pending = new (TreeEntry Entry, int Parent)[entries.Length];
        var count = 0;
        var next = 0;
        pending[count++] = (new TreeEntry(TaskTree.RootId, null, tree.Root), -1);
        while (count > 0)
        {
            var (entry, parent) = pending[--count];
            entries[next] = entry;
            parents[next] = parent;
            if (entry.Node is Group group)
            {
                for (var i = group.Children.Count - 1; i >= 0; i--)
                {
                    pending[count++] = (new TreeEntry(TaskTree.ChildId(entry.Id, i), entry.Id, group.Children[i]), next);
                }
            }

            next++;
        }

        return (entries, parents);
    }
}
