namespace ConcurrencyChaos.Model;

/// <summary>What a <see cref="TraceEvent"/> records.</summary>
public enum TraceEventKind
{
    /// <summary>The node's delegate was invoked.</summary>
    Started,

    /// <summary>The token the node was given was cancelled (or already was when it started).</summary>
    TokenCancelled,

    /// <summary>The node threw an injected error (<see cref="TraceEvent.Error"/>).</summary>
    Threw,

    /// <summary>The node's task ended (<see cref="TraceEvent.Outcome"/>). For the root: the pattern task ended.</summary>
    Ended,

    /// <summary>The caller cancelled the root's token.</summary>
    CallerCancelled,

    /// <summary>
    /// <c>Chaos.Assert</c> was called with a false condition by the node's code (<see cref="TraceEvent.Detail"/>: the
    /// assertion's message). Only failed assertions are recorded.
    /// </summary>
    AssertionFailed,
}
