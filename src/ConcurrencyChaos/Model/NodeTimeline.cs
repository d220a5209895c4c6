namespace ConcurrencyChaos.Model;

/// <summary>One node's life in a run, read off the trace. Times are virtual ms; steps are global step numbers.</summary>
/// <param name="NodeId">The node.</param>
public sealed record NodeTimeline(string NodeId)
{
    /// <summary>When the node started, or null if it never did.</summary>
    public TraceEvent? Started { get; init; }

    /// <summary>When the token the node was given was cancelled, or null if it never was during the run.</summary>
    public TraceEvent? TokenCancelled { get; init; }

    /// <summary>When the node's task ended, or null if it never did.</summary>
    public TraceEvent? Ended { get; init; }

    /// <summary>Injected errors the node threw.</summary>
    public IReadOnlyList<Model.InjectedError> Threw { get; init; } = [];

    /// <summary>Whether the node ran at the instant of <paramref name="step"/>: started at or before it and not ended before it.</summary>
    public bool RunningAt(long step) => Started is { } s && s.Step <= step && (Ended is null || Ended.Step >= step);
}
