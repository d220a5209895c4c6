using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Model;

/// <summary>What one node does in the ideal structured run (see <see cref="ReferenceModel"/>). Times are virtual ms.</summary>
/// <param name="Id">The node's id.</param>
internal sealed record ReferenceNode(string Id)
{
    /// <summary>When the node started, or null if it never started (its group was cancelled first).</summary>
    public long? Start { get; init; }

    /// <summary>Whether the node started at all.</summary>
    public bool Started => Start is not null;

    /// <summary>
    /// When the node would record TokenCancelled: the time its token was cancelled while it had not yet ended
    /// (its start time if the token was already cancelled then); null if that never happens.
    /// </summary>
    public long? TokenCancelledAt { get; init; }

    /// <summary>When the node ended, or null if it never ends (or never started).</summary>
    public long? End { get; init; }

    /// <summary>How the node ended, or null if it never ends.</summary>
    public NodeOutcome? Outcome { get; init; }

    /// <summary>Whether the node completed before its delegate returned (at its start instant, without waiting).</summary>
    public bool Synchronous { get; init; }

    /// <summary>Whether cancellation shaped how it ended: a leaf saw its token cancelled, or a group (or a child of it) did.</summary>
    public bool SawCancellation { get; init; }

    /// <summary>The injected errors thrown by this node and by every node below it, in tree pre-order.</summary>
    public IReadOnlyList<InjectedError> Errors { get; init; } = [];

    /// <summary>Whether it ended faulted.</summary>
    public bool Faulted => Outcome == NodeOutcome.Faulted;
}
