using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// One node's life as the judge reads it off the trace (<see cref="NodeTimeline"/> without its id and errors): its
/// first start, the first cancellation of its token and its last end, each null when it never happened. A value in
/// one array per judge, not an object per node.
/// </summary>
/// <param name="Started">When the node started, or null if it never did.</param>
/// <param name="TokenCancelled">When the token the node was given was cancelled, or null if it never was during the run.</param>
/// <param name="Ended">When the node's task ended, or null if it never did.</param>
internal readonly record struct NodeLife(TraceEvent? Started, TraceEvent? TokenCancelled, TraceEvent? Ended);
