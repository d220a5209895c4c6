namespace ConcurrencyChaos.Model;

/// <summary>no-orphans: a node that outlived the group that ran it.</summary>
/// <param name="NodeId">The orphan.</param>
/// <param name="GroupId">The group that ran it.</param>
/// <param name="GroupEnded">When that group ended.</param>
/// <param name="Started">When the orphan started.</param>
/// <param name="Ended">When the orphan ended, or null if it never did.</param>
/// <param name="Kind">How it outlived its group.</param>
public sealed record OrphanFinding(string NodeId, string GroupId, TraceEvent GroupEnded, TraceEvent Started, TraceEvent? Ended, OrphanKind Kind)
    : Finding(NodeId);
