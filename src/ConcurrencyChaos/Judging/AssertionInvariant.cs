using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// assertion: every <c>Chaos.Assert</c> made during the run held. The consumer's own property of their code, stated
/// where it runs (the code under test, or the pattern's wrapper after the fan-out); the run records each failed one as
/// a <see cref="TraceEventKind.AssertionFailed"/> event, so it is judged, shrunk and replayed like any other rule.
/// The same message failing again in the same node is reported once.
/// </summary>
internal sealed class AssertionInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "assertion";

    /// <inheritdoc />
    public override string Summary => "Every Chaos.Assert made during the run held.";

    /// <inheritdoc />
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!AnyFailed(input.Trace.Events))
        {
            return;
        }

        var failed = input.Trace.Events
            .Where(e => e.Kind == TraceEventKind.AssertionFailed)
            .DistinctBy(e => (e.NodeId, e.Detail))
            .OrderBy(e => input.OrderOf(e.NodeId)); // stable: same node, trace order
        foreach (var e in failed)
        {
            Add(input, ref found, Violated(new AssertionFinding(e.NodeId, e), static f => Say((AssertionFinding)f)));
        }
    }

    private static bool AnyFailed(IReadOnlyList<TraceEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == TraceEventKind.AssertionFailed)
            {
                return true;
            }
        }

        return false;
    }

    private static string Say(AssertionFinding finding) =>
        $"{finding.Message} (Chaos.Assert in {finding.Failed.NodeId} at {Words.Ms(finding.Failed.Time)})";
}
