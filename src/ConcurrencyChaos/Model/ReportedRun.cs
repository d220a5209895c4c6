namespace ConcurrencyChaos.Model;

/// <summary>
/// One judged run as a reporter is given it: the tree, its trace, the pattern's name and the judge's verdict.
/// Reporters draw this; they never judge again.
/// </summary>
/// <param name="Tree">The tree that ran.</param>
/// <param name="Trace">What the run recorded.</param>
/// <param name="PatternName">The pattern's catalog id, or the name of the consumer's delegate.</param>
/// <param name="Violations">The verdict: what the run broke of the invariants it was checked against, in catalog order.</param>
internal sealed record ReportedRun(TaskTree Tree, Trace Trace, string PatternName, IReadOnlyList<Violation> Violations)
{
    /// <summary>
    /// What the judge finds in the run against every invariant, whether or not the verdict checked it: the
    /// timeline marks orphans and lost errors from these, so a run is drawn the same whatever was checked.
    /// The verdict's own violations unless given.
    /// </summary>
    public IReadOnlyList<Violation> AllViolations { get; init; } = Violations;
}
