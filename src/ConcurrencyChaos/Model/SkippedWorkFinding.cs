namespace ConcurrencyChaos.Model;

/// <summary>work-done: a node that never started, though the group that should have run it did and the root ended successfully.</summary>
/// <param name="NodeId">The node that never started.</param>
/// <param name="GroupId">The group that should have started it (it did start).</param>
/// <param name="RootEnded">When the root ended successfully.</param>
public sealed record SkippedWorkFinding(string NodeId, string GroupId, TraceEvent RootEnded) : Finding(NodeId);
