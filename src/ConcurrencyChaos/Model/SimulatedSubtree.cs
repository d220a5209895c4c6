namespace ConcurrencyChaos.Model;

/// <summary>A step of <see cref="ReferenceModel"/>: a node's subtree as simulated, itself first, in pre-order.</summary>
/// <param name="Nodes">The node and every node below it, in pre-order.</param>
/// <param name="HasTies">Whether a same-instant tie was resolved anywhere in it.</param>
internal readonly record struct SimulatedSubtree(IReadOnlyList<ReferenceNode> Nodes, bool HasTies)
{
    /// <summary>The subtree's own node.</summary>
    public ReferenceNode Self => Nodes[0];
}
