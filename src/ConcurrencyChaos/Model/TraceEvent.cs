using System.Globalization;

namespace ConcurrencyChaos.Model;

/// <summary>One thing that happened in a run, stamped with virtual time and the global step number.</summary>
/// <param name="Step">The scheduler step in which it happened (0 = before the first step).</param>
/// <param name="Time">Virtual milliseconds since the run began.</param>
/// <param name="Kind">What happened.</param>
/// <param name="NodeId">The node it happened to.</param>
/// <param name="Outcome">For <see cref="TraceEventKind.Ended"/>: how the node ended.</param>
/// <param name="Error">For <see cref="TraceEventKind.Threw"/>: the injected error; for a faulted end, the first injected error it carried, if any.</param>
/// <param name="Detail">Free text, e.g. the exception type a node ended with.</param>
public sealed record TraceEvent(
    long Step,
    long Time,
    TraceEventKind Kind,
    string NodeId,
    NodeOutcome? Outcome = null,
    Model.InjectedError? Error = null,
    string? Detail = null)
{
    /// <summary>One line of the text form of a trace: stable, culture-invariant.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"#{Step} {Time}ms {NodeId} {Kind}");
        if (Outcome is { } outcome)
        {
            text += " " + outcome;
        }

        if (Error is { } error)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {error.Kind}/{error.Origin}");
        }

        if (Detail is { } detail)
        {
            text += " (" + detail + ")";
        }

        return text;
    }
}
