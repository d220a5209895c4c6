namespace ConcurrencyChaos.Model;

/// <summary>assertion: a <c>Chaos.Assert</c> whose condition was false.</summary>
/// <param name="NodeId">The node whose code asserted (the innermost group or operation leaf running it; the root for the test's own wrapper).</param>
/// <param name="Failed">The <see cref="TraceEventKind.AssertionFailed"/> event; its <see cref="TraceEvent.Detail"/> is the message.</param>
public sealed record AssertionFinding(string NodeId, TraceEvent Failed) : Finding(NodeId)
{
    /// <summary>The assertion's message.</summary>
    public string Message => Failed.Detail ?? string.Empty;
}
