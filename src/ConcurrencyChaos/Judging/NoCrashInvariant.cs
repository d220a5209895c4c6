using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// no-crash: nothing in the run would crash a real application's process. The runtime catches what a real process
/// could not — an exception escaping an <c>async void</c> method, or a callback posted to a context or queued to the
/// pool — and reports it as a diagnostic (<see cref="DiagnosticKinds.WouldCrash"/>); this rule makes each one a
/// violation, because no other invariant can see it: the caller's <c>await</c> may well have ended cleanly.
/// </summary>
internal sealed class NoCrashInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "no-crash";

    /// <inheritdoc />
    public override string Summary =>
        "No exception escapes where a real application would crash (an async void method, a posted or pooled callback).";

    /// <inheritdoc />
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Trace.Diagnostics.Count == 0)
        {
            return;
        }

        var crashes = input.Trace.Diagnostics
            .Where(d => !d.IsHint && d.Kind.WouldCrash())
            .Select(d => new CrashFinding(d.NodeId ?? TaskTree.RootId, d))
            .OrderBy(c => input.OrderOf(c.NodeId));
        foreach (var crash in crashes)
        {
            Add(input, ref found, Violated(crash, crash.Diagnostic.Message));
        }
    }
}
