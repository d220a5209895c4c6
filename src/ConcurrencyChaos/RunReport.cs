using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos;

/// <summary>One tree run under one pattern: what happened (the trace) and what it broke (the violations).</summary>
public sealed class RunReport
{
    internal RunReport(TaskTree tree, string patternName, Trace trace, IReadOnlyList<Violation> violations)
    {
        Tree = tree;
        PatternName = patternName;
        Trace = trace;
        Violations = violations;
    }

    /// <summary>The tree that ran.</summary>
    public TaskTree Tree { get; }

    /// <summary>The pattern's catalog id, or the name of the consumer's delegate.</summary>
    public string PatternName { get; }

    /// <summary>Everything the run recorded.</summary>
    public Trace Trace { get; }

    /// <summary>The invariants the run broke, in catalog order; empty when it held.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The concurrency bounds the pattern declared, which the ideal run it was judged against simulated.</summary>
    internal ConcurrencyBounds Bounds { get; init; } = ConcurrencyBounds.None;

    /// <summary>Whether every checked invariant held.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary>
    /// An xunit test that replays this run and asserts the pattern holds, to paste into a test class: its first line
    /// names the usings it needs, and it compiles as pasted. A catalog pattern is named by its id, a method by
    /// <c>Type.Method</c>; a lambda (or a pattern given another name) becomes a local function stub with a TODO to
    /// call your fan-out from.
    /// </summary>
    /// <returns>The test's C#, ending with a newline.</returns>
    public string ReplayTest() => Reporting.CounterexampleText.XunitTest(
        Tree, PatternName, ReportInputs.KindOf(PatternName), $"{Reporting.Names.Identifier(PatternName)}_holds_on_this_tree");

    /// <summary>The tree, what each node did and the violations, as text.</summary>
    public override string ToString() => Reporting.TreeText.Render(Tree, Trace, PatternName) + Reporting.TreeText.RenderViolations(Violations);
}
