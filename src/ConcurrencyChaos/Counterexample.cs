using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos;

/// <summary>A minimal tree on which the pattern broke an invariant, ready to read, replay and keep.</summary>
public sealed class Counterexample
{
    internal Counterexample(RunReport minimal, int seed, int shrinkSteps, int originalNodeCount, bool deterministic, string scenarioName, string scenarioJson, int reproduced, int replays)
    {
        Reproduced = reproduced;
        Replays = replays;
        Report = minimal;
        Seed = seed;
        ShrinkSteps = shrinkSteps;
        OriginalNodeCount = originalNodeCount;
        IsDeterministic = deterministic;
        ScenarioName = scenarioName;
        ScenarioJson = scenarioJson;
    }

    /// <summary>The minimal tree.</summary>
    public TaskTree Tree => Report.Tree;

    /// <summary>The minimal tree's trace.</summary>
    public Trace Trace => Report.Trace;

    /// <summary>The pattern's catalog id, or the name of the consumer's delegate.</summary>
    public string PatternName => Report.PatternName;

    /// <summary>How many nodes the minimal tree has, groups included.</summary>
    public int NodeCount => Tree.NodeCount;

    /// <summary>What the pattern broke on the minimal tree.</summary>
    public IReadOnlyList<Violation> Violations => Report.Violations;

    /// <summary>
    /// The scenario's name, as written in <see cref="ScenarioJson"/>'s <c>name</c> (e.g. <c>found-when-all-seed-7</c>):
    /// a file name (add <c>.json</c>) for keeping it, without parsing the JSON.
    /// </summary>
    public string ScenarioName { get; }

    /// <summary>A scenario file (DESIGN.md section 9) that replays the minimal tree under this pattern.</summary>
    public string ScenarioJson { get; }

    /// <summary>The search seed that found it: the same seed finds it again.</summary>
    public int Seed { get; }

    /// <summary>How many shrink steps led from the first failing tree to this one.</summary>
    public int ShrinkSteps { get; }

    /// <summary>How many nodes the first failing tree had.</summary>
    public int OriginalNodeCount { get; }

    /// <summary>Whether replaying the minimal tree gave the same trace again (false means the pattern escaped the runtime's control).</summary>
    public bool IsDeterministic { get; }

    /// <summary>
    /// How many times the minimal tree was run after shrinking (<see cref="ChaosOptions.Replays"/> when the search left the
    /// runtime's control, else 2: once, and once more to compare the traces).
    /// </summary>
    public int Replays { get; }

    /// <summary>How many of those <see cref="Replays"/> showed the violations; <see cref="Report"/> is the first that did.</summary>
    public int Reproduced { get; }

    internal RunReport Report { get; }

    /// <summary>The counterexample rendered for a person: tree, violations, seed, and an xunit test that replays it.</summary>
    public override string ToString() => Reporting.CounterexampleText.Render(ReportInputs.Of(this));
}
