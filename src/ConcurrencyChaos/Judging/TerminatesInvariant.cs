using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// terminates: the root ends at all. A root that never ends is blamed on the pattern only when ideal
/// structured semantics (<see cref="ReferenceModel"/>) would finish the tree, whatever order the children started in
/// one instant start in (<see cref="ReferenceModel.TerminatesInAnyStartOrder"/>); ending later than ideal is fine.
/// </summary>
internal sealed class TerminatesInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "terminates";

    /// <inheritdoc />
    public override string Summary => "The root ends, whenever ideal structured semantics would finish the tree.";

    /// <inheritdoc />
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.RootEnded || !input.Reference.Terminates || !input.TerminatesInAnyStartOrder)
        {
            return;
        }

        var trace = input.Trace;
        var waiting = Enumerable.Range(1, input.Count - 1)
            .Where(i => input.NodeAt(i) is { Started: not null, Ended: null })
            .ToList();

        // Leaves first (in tree order), then the groups waiting on them, innermost first.
        var finding = new NonTerminationFinding(
            [.. waiting.Where(i => input.TreeNodeAt(i) is Leaf).Select(input.IdAt).Concat(waiting.Where(i => input.TreeNodeAt(i) is Group).Reverse().Select(input.IdAt))],
            trace.Status,
            trace.EndTime);
        var who = finding.Waiting.Count switch
        {
            0 => "no node was",
            1 => $"{finding.Waiting[0]} was",
            _ => $"{Words.List(finding.Waiting)} were",
        };
        Add(input, ref found, Violated(finding, $"the root never ended: {who} still waiting {When(trace)}"));
    }

    /// <summary>
    /// When the run stopped. A time budget runs out at a time nothing happens: the runtime stops before jumping to a
    /// timer due past it, so the last thing that happened is named apart from the end time, which is printed only
    /// when it is later (it is the budget itself only if the runtime advanced the clock to it).
    /// </summary>
    private static string When(Trace trace)
    {
        if (trace.Status != RunStatus.TimeBudgetExhausted)
        {
            return $"at {Words.Ms(trace.EndTime)} {Why(trace.Status)}";
        }

        var last = trace.Events.Count == 0 ? 0 : trace.Events.Max(e => e.Time);
        return trace.EndTime > last
            ? $"when the time budget ran out at {Words.Ms(trace.EndTime)} (nothing happened after {Words.Ms(last)})"
            : $"when the time budget ran out (nothing happened after {Words.Ms(last)}, and nothing was due before the budget)";
    }

    private static string Why(RunStatus status) => status switch
    {
        RunStatus.Deadlocked => "with nothing left to run",
        RunStatus.StepBudgetExhausted => "when the step budget ran out",
        RunStatus.TimeBudgetExhausted => "when the time budget ran out",
        RunStatus.BlockedThread => "when the runtime thread was blocked",
        RunStatus.Stuck => "when the runtime thread stopped making progress",
        _ => "when the run stopped",
    };
}
