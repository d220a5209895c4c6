using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// work-done: when the root ends successfully and the caller had not cancelled by then, every node of the tree
/// started. A group that started but never started one of its children skipped that work silently: the caller was
/// told everything was done. Each skipped node is reported where the skipping happened — a node whose group never
/// started is that group's loss, not its own.
/// </summary>
/// <remarks>
/// Its own rule, not part of another: no-orphans is about children that outlive their group, and
/// cancellation-propagated about what happens once the caller cancels; here nothing outlived anything and nobody
/// cancelled, the work just never ran. A root that faulted or was canceled told its caller something went wrong, and
/// after the caller's cancellation skipping work is what a pattern should do, so neither is judged. A child started
/// only after its group ended did start: no-orphans speaks for it.
/// </remarks>
internal sealed class WorkDoneInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "work-done";

    /// <inheritdoc />
    public override string Summary =>
        "When the root ends successfully and the caller has not cancelled, every node of the tree started: no work is silently skipped.";

    /// <inheritdoc />
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Trace.Root.Outcome != NodeOutcome.RanToCompletion
            || input.Root.Ended is not { Outcome: NodeOutcome.RanToCompletion } rootEnded
            || (input.CallerCancelled is { } cancelled && input.LaterInTrace(rootEnded, cancelled)))
        {
            return;
        }

        for (var i = 1; i < input.Count; i++)
        {
            if (input.NodeAt(i).Started is null && input.NodeAt(input.ParentAt(i)).Started is not null)
            {
                var skipped = new SkippedWorkFinding(input.IdAt(i), input.IdAt(input.ParentAt(i)), rootEnded);
                Add(input, ref found, Violated(skipped, static f => Say((SkippedWorkFinding)f)));
            }
        }
    }

    private static string Say(SkippedWorkFinding skipped) =>
        $"{skipped.NodeId} never started, though its group {skipped.GroupId} ran and the root ended successfully at {Words.Ms(skipped.RootEnded.Time)} with no cancellation by the caller";
}
