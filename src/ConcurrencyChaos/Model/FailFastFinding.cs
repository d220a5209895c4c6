namespace ConcurrencyChaos.Model;

/// <summary>fail-fast: a sibling that a child's fault did not stop in time, reported for the earliest fault that catches it.</summary>
/// <param name="NodeId">The sibling.</param>
/// <param name="Fault">The faulted end of the child whose fault it is judged against (its <see cref="TraceEvent.NodeId"/> names that child).</param>
/// <param name="Lapse">What went wrong.</param>
/// <param name="Started">When the sibling started.</param>
/// <param name="TokenCancelled">When the sibling saw its token cancelled, or null if it never did.</param>
/// <param name="Ended">When the sibling ended, or null if it never did.</param>
public sealed record FailFastFinding(
    string NodeId,
    TraceEvent Fault,
    FailFastLapse Lapse,
    TraceEvent Started,
    TraceEvent? TokenCancelled,
    TraceEvent? Ended) : Finding(NodeId);
