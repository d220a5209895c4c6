using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos;

/// <summary>
/// The entry points, one per thing you can ask: <see cref="Check(ChaosPattern, ChaosOptions?, CancellationToken)"/>
/// searches generated task trees for one on which a fan-out pattern loses an error, leaves an orphan, drops
/// cancellation, fails to fail fast or never ends, and shrinks it to a minimal reproduction;
/// <see cref="Run(TaskTree, ChaosPattern, RunOptions?, IReadOnlyCollection{string}?, CancellationToken)"/> runs one
/// given tree and judges it; <see cref="Verify"/> replays a scenario file under the patterns it names.
/// </summary>
/// <remarks>
/// The pattern is a <see cref="ChaosPattern"/>: a catalog id converts to one implicitly, and the overloads that
/// take a delegate or a factory only wrap it with <see cref="ChaosPattern.Of(Func{IReadOnlyList{Func{CancellationToken, Task}}, CancellationToken, Task}, string?)"/>.
/// </remarks>
/// <example>
/// <code>
/// Chaos.Check(MyFanOut.RunAllAsync).AssertHolds();
/// </code>
/// </example>
public static class Chaos
{
    /// <summary>Gets the ids a scenario file may name out of the box: every catalog pattern id and every invariant id, in catalog order.</summary>
    public static ScenarioVocabulary Vocabulary { get; } = new(
        [.. PatternCatalog.All.Select(p => p.Id)],
        [.. InvariantCatalog.Ids]);

    /// <summary>Searches generated trees for a counterexample to <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The pattern under test; a catalog id such as <c>"when-all"</c> converts implicitly.</param>
    /// <param name="options">How to search; <see cref="ChaosOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the search, even in the middle of a tree; the result says it stopped early (a cancelled run is never judged).</param>
    /// <returns>What the search found.</returns>
    /// <exception cref="ArgumentException">The options are out of range or name an unknown invariant.</exception>
    /// <exception cref="ChaosException">A run was not the experiment its tree describes (the pattern or a registered operation is broken).</exception>
    public static ChaosResult Check(ChaosPattern pattern, ChaosOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return ChaosSearch.Run(pattern, options ?? ChaosOptions.Default, cancellationToken);
    }

    /// <summary>Searches generated trees for a counterexample to <paramref name="pattern"/>.</summary>
    /// <param name="pattern">Runs the given children under the given token.</param>
    /// <param name="options">How to search; <see cref="ChaosOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the search, even in the middle of a tree; the result says it stopped early.</param>
    /// <returns>What the search found.</returns>
    public static ChaosResult Check(Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> pattern, ChaosOptions? options = null, CancellationToken cancellationToken = default) =>
        Check(ChaosPattern.Of(pattern), options, cancellationToken);

    /// <summary>Searches generated trees for a counterexample to the pattern <paramref name="patternFactory"/> makes from the runtime's clock.</summary>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    /// <param name="options">How to search; <see cref="ChaosOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the search, even in the middle of a tree; the result says it stopped early.</param>
    /// <returns>What the search found.</returns>
    public static ChaosResult Check(Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> patternFactory, ChaosOptions? options = null, CancellationToken cancellationToken = default) =>
        Check(ChaosPattern.Of(patternFactory), options, cancellationToken);

    /// <summary>Runs <paramref name="tree"/> once under <paramref name="pattern"/> and judges it.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="pattern">The pattern under test; a catalog id such as <c>"when-all"</c> converts implicitly.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <param name="invariants">The invariant ids to check; all when null.</param>
    /// <param name="cancellationToken">Stops the run at its next step; a cancelled run gets no verdict.</param>
    /// <returns>The run and its verdict.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or during the run.</exception>
    /// <exception cref="ArgumentException">An invariant id is unknown, or a leaf names an unregistered operation.</exception>
    /// <exception cref="ChaosException">The run was not the experiment its tree describes (the pattern or a registered operation is broken).</exception>
    public static RunReport Run(TaskTree tree, ChaosPattern pattern, RunOptions? options = null, IReadOnlyCollection<string>? invariants = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(pattern);
        var judgedBy = invariants is null ? InvariantSet.Catalog : InvariantSet.Select([], null, invariants, nameof(invariants), nameof(invariants));
        return SingleRun.OnHarnessThread(tree, pattern, options ?? RunOptions.Default, judgedBy, cancellationToken);
    }

    /// <summary>Runs <paramref name="tree"/> once under <paramref name="pattern"/> and judges it.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="pattern">Runs the given children under the given token.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <param name="invariants">The invariant ids to check; all when null.</param>
    /// <param name="cancellationToken">Stops the run at its next step; a cancelled run gets no verdict.</param>
    /// <returns>The run and its verdict.</returns>
    public static RunReport Run(TaskTree tree, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> pattern, RunOptions? options = null, IReadOnlyCollection<string>? invariants = null, CancellationToken cancellationToken = default) =>
        Run(tree, ChaosPattern.Of(pattern), options, invariants, cancellationToken);

    /// <summary>Runs <paramref name="tree"/> once under the pattern <paramref name="patternFactory"/> makes from the runtime's clock, and judges it.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <param name="invariants">The invariant ids to check; all when null.</param>
    /// <param name="cancellationToken">Stops the run at its next step; a cancelled run gets no verdict.</param>
    /// <returns>The run and its verdict.</returns>
    public static RunReport Run(TaskTree tree, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> patternFactory, RunOptions? options = null, IReadOnlyCollection<string>? invariants = null, CancellationToken cancellationToken = default) =>
        Run(tree, ChaosPattern.Of(patternFactory), options, invariants, cancellationToken);

    /// <summary>
    /// Replays <paramref name="scenario"/> under every pattern its <c>expect</c> names, in pattern-id order, and
    /// compares the violations with the expectation. Catalog ids run the catalog pattern; other ids must be in
    /// <see cref="ScenarioOptions.Patterns"/>.
    /// </summary>
    /// <param name="scenario">The scenario to replay.</param>
    /// <param name="options">Your own patterns and the run options; defaults when null.</param>
    /// <param name="cancellationToken">Stops the replay under way at its next step.</param>
    /// <returns>One outcome per pattern in <c>expect</c>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or during a replay.</exception>
    public static IReadOnlyList<ScenarioOutcome> Verify(Scenario scenario, ScenarioOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= ScenarioOptions.Default;
        var invariants = options.InvariantsToCheck();
        var outcomes = new List<ScenarioOutcome>();
        foreach (var (patternId, expected) in scenario.Expect)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pattern = options.Patterns.TryGetValue(patternId, out var own)
                ? ChaosPattern.Named(patternId, own)
                : ChaosPattern.Catalog(patternId);
            var report = SingleRun.OnHarnessThread(scenario.Tree, pattern, options.Run, invariants, cancellationToken);
            outcomes.Add(new ScenarioOutcome(scenario, patternId, expected, report));
        }

        return outcomes;
    }
}
