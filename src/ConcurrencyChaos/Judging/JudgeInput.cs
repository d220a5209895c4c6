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
    private readonly TreePositions _tree;
    private ReferenceOutcome? _reference;
    private bool? _terminatesInAnyStartOrder;
    private TraceEvent?[]? _started;
    private TraceEvent?[]? _tokenCancelled;
    private TraceEvent?[]? _ended;
    private Dictionary<string, int>? _unknownOrder;
    private EventPositions? _positions;
    private bool? _inStepOrder;
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
        _tree = tree.Positions;
    }

    // The lookups below are built on first use: a run that breaks nothing asks for few of them, and judging is paid per
    // tree. Each is built in one pass, and nodes are then found by their position in the pre-order, not by id: the
    // tree's shape (shared by every judge of it) reads a position off an id, and makes an id only when one is asked for.
    private EventPositions Positions => _positions ??= new EventPositions(Trace.Events);

    /// <summary>Whether the trace is in step order (<see cref="EventPositions.InStepOrder"/>): found by a scan, so that events of different steps are told apart without a table of positions.</summary>
    public bool InStepOrder => _inStepOrder ??= _positions?.InStepOrder ?? EventPositions.IsInStepOrder(Trace.Events);

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

    /// <summary>How many nodes the tree holds: positions run from 0 (the root) to one less, in pre-order (as <see cref="TaskTree.Entries"/> gives them).</summary>
    public int Count => _tree.Count;

    /// <summary>The caller's cancellation event (<see cref="Model.Trace.CallerCancelled"/>), looked up once per judge.</summary>
    public TraceEvent? CallerCancelled
    {
        get
        {
            if (!_callerCancelledFound)
            {
                _callerCancelled = Trace.CallerCancelled;
                _callerCancelledFound = true;
            }

            return _callerCancelled;
        }
    }

    /// <summary>The root's life.</summary>
    public NodeLife Root => NodeAt(0);

    /// <summary>
    /// The life of the node at <paramref name="position"/>, as <see cref="Model.Trace.Node"/> gives its timeline: every
    /// node's is read off the trace in one pass, on first use.
    /// </summary>
    public NodeLife NodeAt(int position)
    {
        if (_ended is null)
        {
            ReadLives();
        }

        return new(_started![position], _tokenCancelled![position], _ended![position]);
    }

    /// <summary>The id of the node at <paramref name="position"/>, e.g. "0.1.2".</summary>
    public string IdAt(int position) => _tree.IdAt(position);

    /// <summary>The node at <paramref name="position"/>.</summary>
    public TreeNode TreeNodeAt(int position) => _tree.NodeAt(position);

    /// <summary>The position of the group that received the node at <paramref name="position"/>; -1 for the root.</summary>
    public int ParentAt(int position) => _tree.ParentAt(position);

    /// <summary>The position of a node in the tree's pre-order; ids unknown to the tree come after, in order of appearance.</summary>
    public int OrderOf(string nodeId)
    {
        if (_tree.PositionOf(nodeId) is var position and >= 0)
        {
            return position;
        }

        if (_unknownOrder is null)
        {
            // Ids the tree does not know (a runtime bug) sort after all of its nodes, as they first appear.
            var order = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in Trace.Events)
            {
                if (_tree.PositionOf(e.NodeId) < 0)
                {
                    order.TryAdd(e.NodeId, Count + order.Count);
                }
            }

            _unknownOrder = order;
        }

        return _unknownOrder.TryGetValue(nodeId, out var unknown) ? unknown : int.MaxValue;
    }

    /// <summary>The position in the tree of the node an id names, or -1 for an id the tree does not know.</summary>
    public int PositionOf(string nodeId) => _tree.PositionOf(nodeId);

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
        return a.Step != b.Step && InStepOrder ? a.Step > b.Step : IndexOf(a) > IndexOf(b);
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
    public bool RunningAt(NodeLife node, TraceEvent at)
    {
        return node.Started is { } started
            && !After(started, at)
            && (node.Ended is not { } ended || After(ended, at));
    }

    /// <summary>Whether the root's task ended and the caller's await got a result.</summary>
    public bool RootEnded => Trace.Root.Outcome is not null && Root.Ended is not null;

    /// <summary>
    /// Every node's life, by position, in one pass over the events, by the rule <see cref="Model.Trace.Nodes"/> uses
    /// (<see cref="NodeLifeRule"/>): a node's first start, first cancellation of its token and last end; events about the
    /// run and of ids the tree does not know are no node's. Three arrays of references rather than one of lives: a tree of thousands of nodes keeps
    /// each below the size that goes to the large object heap, which only a full collection frees.
    /// </summary>
    private void ReadLives()
    {
        var (started, tokenCancelled, ended) = (new TraceEvent?[Count], new TraceEvent?[Count], new TraceEvent?[Count]);
        var events = Trace.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (NodeLifeRule.Marks(e.Kind) && _tree.PositionOf(e.NodeId) is >= 0 and var position)
            {
                NodeLifeRule.Apply(e, ref started[position], ref tokenCancelled[position], ref ended[position]);
            }
        }

        (_started, _tokenCancelled, _ended) = (started, tokenCancelled, ended);
    }
}
