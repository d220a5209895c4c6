namespace ConcurrencyChaos.Model;

/// <summary>
/// How a node's own events make its life: its first start, the first cancellation of its token and its last end (a node
/// the pattern invokes twice, a retry, keeps its first start and its last end). One rule for <see cref="Trace.Nodes"/>
/// and for the judge, which reads the same lives by position instead of by id.
/// </summary>
internal static class NodeLifeRule
{
    /// <summary>Whether an event of <paramref name="kind"/> is a step in a node's life (<see cref="Apply"/> records it).</summary>
    /// <param name="kind">The event's kind.</param>
    /// <returns>True for a start, a token cancellation and an end.</returns>
    public static bool Marks(TraceEventKind kind) =>
        kind is TraceEventKind.Started or TraceEventKind.TokenCancelled or TraceEventKind.Ended;

    /// <summary>Records <paramref name="e"/> in the node's life, if it <see cref="Marks"/> one.</summary>
    /// <param name="e">An event of the node.</param>
    /// <param name="started">The node's first start so far.</param>
    /// <param name="tokenCancelled">The first cancellation of its token so far.</param>
    /// <param name="ended">Its last end so far.</param>
    public static void Apply(TraceEvent e, ref TraceEvent? started, ref TraceEvent? tokenCancelled, ref TraceEvent? ended)
    {
        switch (e.Kind)
        {
            case TraceEventKind.Started:
                started ??= e;
                break;
            case TraceEventKind.TokenCancelled:
                tokenCancelled ??= e;
                break;
            case TraceEventKind.Ended:
                ended = e;
                break;
            default:
                break;
        }
    }
}
