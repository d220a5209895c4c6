using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos;

/// <summary>
/// The conductor's side of reporting: turns a run report or a counterexample into the Model data a reporter
/// is given (<see cref="ReportedRun"/>, <see cref="ReportedCounterexample"/>), so that Reporting uses only Model.
/// </summary>
internal static class ReportInputs
{
    /// <summary>The run, with its verdict.</summary>
    public static ReportedRun Of(RunReport report) => new(report.Tree, report.Trace, report.PatternName, report.Violations);

    /// <summary>
    /// The run to draw: its verdict, and what the judge finds in it against every invariant, whether or not the
    /// verdict checked it. The timeline marks orphans and lost errors from those, so a picture shows the same
    /// run the same way whichever invariants the search checked.
    /// </summary>
    public static ReportedRun Drawn(RunReport report) => Of(report) with { AllViolations = Judge.Check(report.Tree, report.Trace, bounds: report.Bounds) };

    /// <summary>The counterexample, with the figures of the search that found it.</summary>
    public static ReportedCounterexample Of(Counterexample counterexample) => Of(counterexample, Of(counterexample.Report));

    /// <summary>The counterexample to draw (see <see cref="Drawn(RunReport)"/>).</summary>
    public static ReportedCounterexample Drawn(Counterexample counterexample) => Of(counterexample, Drawn(counterexample.Report));

    private static ReportedCounterexample Of(Counterexample counterexample, ReportedRun run) => new(
        run,
        KindOf(counterexample.PatternName),
        counterexample.Seed,
        counterexample.ShrinkSteps,
        counterexample.OriginalNodeCount,
        counterexample.IsDeterministic,
        counterexample.ScenarioJson,
        counterexample.Reproduced,
        counterexample.Replays);

    /// <summary>How a report names its pattern: a catalog id, a delegate's <c>Type.Method</c> (or a name given to it), or a lambda.</summary>
    public static PatternKind KindOf(string patternName) =>
        PatternCatalog.TryGet(patternName, out _) ? PatternKind.CatalogId
        : patternName == ChaosPattern.LambdaName ? PatternKind.Lambda
        : PatternKind.Delegate;
}
