using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// One finished run as your own rules see it (<see cref="ChaosInvariant"/>, <c>ChaosOptions.Property</c>): the tree,
/// what each node did, and what the caller's <c>await</c> of the root gave. Read-only; the full event list is
/// <see cref="Trace"/>.
/// </summary>
public sealed class RunView
{
    /// <summary>A view of one run of <paramref name="tree"/> that recorded <paramref name="trace"/> (for testing your own rules on hand-made traces).</summary>
    /// <param name="tree">The tree that ran.</param>
    /// <param name="trace">What the run recorded.</param>
    public RunView(TaskTree tree, Trace trace)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(trace);
        Tree = tree;
        Trace = trace;
        Nodes = [.. tree.Entries()];
    }

    /// <summary>Gets the tree that ran.</summary>
    public TaskTree Tree { get; }

    /// <summary>Gets everything the run recorded, in order.</summary>
    public Trace Trace { get; }

    /// <summary>Gets every node of the tree with its id and its parent's id, in pre-order (the root, <c>"0"</c>, first).</summary>
    public IReadOnlyList<TreeEntry> Nodes { get; }

    /// <summary>
    /// Gets what <c>await root</c> gave the caller: how it ended (null when it never did), what it threw, and every
    /// injected error reachable from that.
    /// </summary>
    public RootResult Root => Trace.Root;

    /// <summary>Gets whether the caller cancelled during the run.</summary>
    public bool CallerCancelled => Trace.CallerCancelled is not null;

    /// <summary>How a node ended, or null when it never started or never ended.</summary>
    /// <param name="nodeId">A node id such as <c>"0.1"</c>.</param>
    /// <returns>Its outcome.</returns>
    public NodeOutcome? OutcomeOf(string nodeId) => Trace.Node(nodeId).Ended?.Outcome;

    /// <summary>A node's life in the run: when it started, saw its token cancelled and ended, and what it threw.</summary>
    /// <param name="nodeId">A node id such as <c>"0.1"</c>.</param>
    /// <returns>Its timeline; an empty one for a node the run never reached.</returns>
    public NodeTimeline Node(string nodeId) => Trace.Node(nodeId);
}
