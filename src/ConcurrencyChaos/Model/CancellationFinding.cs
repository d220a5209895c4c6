namespace ConcurrencyChaos.Model;

/// <summary>cancellation-propagated: a node the caller's cancellation did not reach in time, or a root that succeeded after it.</summary>
/// <param name="NodeId">The node (the root, for <see cref="CancellationLapse.RootSucceeded"/>).</param>
/// <param name="CallerCancelled">When the caller cancelled.</param>
/// <param name="Lapse">What went wrong.</param>
/// <param name="Started">When the node started.</param>
/// <param name="TokenCancelled">When the node saw its token cancelled, or null if it never did.</param>
/// <param name="Ended">When the node ended, or null if it never did.</param>
public sealed record CancellationFinding(
    string NodeId,
    TraceEvent CallerCancelled,
    CancellationLapse Lapse,
    TraceEvent? Started,
    TraceEvent? TokenCancelled,
    TraceEvent? Ended) : Finding(NodeId);
