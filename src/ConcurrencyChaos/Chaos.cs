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
    /// States a property of your own code during a run: when <paramref name="condition"/> is false, the run breaks the
    /// invariant <c>assertion</c> with <paramref name="message"/>, and a search shrinks and replays that run like any
    /// other counterexample. Call it from the code under test or from your pattern's wrapper, e.g. after the fan-out:
    /// <c>Chaos.Assert(counter == children.Count, $"counter is {counter}")</c>.
    /// </summary>
    /// <remarks>
    /// It never throws inside a run: the run goes on and is judged at its end, and the violation names the node whose
    /// code asserted (the innermost group whose pattern, or operation leaf whose operation, is running; the root for
    /// your wrapper). The run is found through the ExecutionContext, so calls from the runtime's thread and from work
    /// that escaped to other threads with its ExecutionContext (<c>Task.Run</c>, <c>await</c>) count; calls on a thread
    /// that did not flow it (<c>ThreadPool.UnsafeQueueUserWorkItem</c>, <c>ExecutionContext.SuppressFlow</c>), or after
    /// the run ended, are outside the run. Outside every run a true condition does nothing and a false one throws
    /// <see cref="InvalidOperationException"/> with the message, so a failed assertion is never silently lost.
    /// </remarks>
    /// <param name="condition">What must hold.</param>
    /// <param name="message">What went wrong, in one line, when it does not hold (shown in the violation).</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="condition"/> is false and no run is under way on this call's ExecutionContext.</exception>
    public static void Assert(bool condition, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (condition)
        {
            return;
        }

        if (RunScope.Current is not { } run)
        {
            throw new InvalidOperationException(
                $"Chaos.Assert failed outside a ConcurrencyChaos run: {message}. (Inside a run of Chaos.Check, Run or Verify it records the violation 'assertion' instead; this call's ExecutionContext carries no run.)");
        }

        run.AssertionFailed(message);
    }

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
                ? ChaosPattern.Named(patternId, own, options.MaxConcurrency.TryGetValue(patternId, out var bound) ? bound : null)
                : ChaosPattern.Catalog(patternId);
            var report = SingleRun.OnHarnessThread(scenario.Tree, pattern, options.Run, invariants, cancellationToken);
            outcomes.Add(new ScenarioOutcome(scenario, patternId, expected, report));
        }

        return outcomes;
    }
}
