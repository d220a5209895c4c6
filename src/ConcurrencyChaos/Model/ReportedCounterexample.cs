namespace ConcurrencyChaos.Model;

/// <summary>A counterexample as a reporter is given it: the minimal tree's run and the figures of the search that found it.</summary>
/// <param name="Run">The minimal tree's run.</param>
/// <param name="Pattern">How the pattern was given, for the pasted test.</param>
/// <param name="Seed">The search seed that found it.</param>
/// <param name="ShrinkSteps">How many shrink steps led from the first failing tree to this one.</param>
/// <param name="OriginalNodeCount">How many nodes the first failing tree had.</param>
/// <param name="IsDeterministic">Whether replaying the minimal tree gave the same trace again.</param>
/// <param name="ScenarioJson">A scenario file that replays the minimal tree under this pattern.</param>
/// <param name="Reproduced">How many of the <paramref name="Replays"/> runs of the minimal tree showed the violations.</param>
/// <param name="Replays">How many times the minimal tree was run after shrinking.</param>
internal sealed record ReportedCounterexample(
    ReportedRun Run,
    PatternKind Pattern,
    int Seed,
    int ShrinkSteps,
    int OriginalNodeCount,
    bool IsDeterministic,
    string ScenarioJson,
    int Reproduced,
    int Replays)
{
    /// <summary>The minimal tree.</summary>
    public TaskTree Tree => Run.Tree;

    /// <summary>The pattern's catalog id, or the name of the consumer's delegate.</summary>
    public string PatternName => Run.PatternName;

    /// <summary>What the pattern broke on the minimal tree.</summary>
    public IReadOnlyList<Violation> Violations => Run.Violations;
}
