using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Model;

/// <summary>The ideal structured run of a tree, as computed by <see cref="ReferenceModel"/>.</summary>
internal sealed class ReferenceOutcome
{
    private readonly Dictionary<string, ReferenceNode> _byId;

    /// <summary>Creates an outcome from every node of the tree (in pre-order) and whether a same-instant tie was resolved.</summary>
    public ReferenceOutcome(IReadOnlyList<ReferenceNode> nodes, bool hasTies)
    {
        Nodes = nodes;
        HasTies = hasTies;
        _byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    /// <summary>Every node of the tree, started or not, in tree pre-order.</summary>
    public IReadOnlyList<ReferenceNode> Nodes { get; }

    /// <summary>
    /// Whether some outcome hinged on two things happening at the same virtual instant (e.g. a leaf's work
    /// ending exactly when its token is cancelled). The model resolves a tie as "work finished first"; the
    /// real runtime may order it either way, so exact comparisons should be relaxed when this is set.
    /// </summary>
    public bool HasTies { get; }

    /// <summary>The root group.</summary>
    public ReferenceNode Root => _byId[TaskTree.RootId];

    /// <summary>Whether ideal structured semantics finish the tree (the root ends).</summary>
    public bool Terminates => Root.End is not null;

    /// <summary>When the root ends, or null if it never does.</summary>
    public long? RootEnd => Root.End;

    /// <summary>How the root ends, or null if it never does.</summary>
    public NodeOutcome? RootOutcome => Root.Outcome;

    /// <summary>Every injected error thrown anywhere in the run (all of them reach the caller when the root ends).</summary>
    public IReadOnlyList<InjectedError> ThrownErrors => Root.Errors;

    /// <summary>The node with this id.</summary>
    public ReferenceNode this[string id] => _byId[id];
}
