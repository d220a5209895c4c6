using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos;

/// <summary>
/// The entry points. <c>Check</c> searches generated task trees for one on which a fan-out pattern
/// loses an error, leaves an orphan, drops cancellation, fails to fail fast or never ends, and
/// shrinks it to a minimal reproduction. <c>Run</c> runs one given tree and judges it.
/// </summary>
/// <example>
/// <code>
/// Chaos.Check(MyFanOut.RunAllAsync).AssertHolds();
/// </code>
/// </example>
public static class Chaos
{
    /// <summary>Searches generated trees for a counterexample to <paramref name="pattern"/>.</summary>
    /// <param name="pattern">Runs the given children under the given token.</param>
    /// <param name="options">How to search; <see cref="ChaosOptions.Default"/> when null.</param>
    public static ChaosResult Check(Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> pattern, ChaosOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return ChaosSearch.Run(PatternUnderTest.FromDelegate(pattern, _ => pattern), options ?? ChaosOptions.Default, CancellationToken.None);
    }

    /// <summary>Searches generated trees for a counterexample to the pattern <paramref name="patternFactory"/> makes from the runtime's clock.</summary>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    /// <param name="options">How to search; <see cref="ChaosOptions.Default"/> when null.</param>
    public static ChaosResult Check(Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> patternFactory, ChaosOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patternFactory);
        return ChaosSearch.Run(PatternUnderTest.FromDelegate(patternFactory, patternFactory), options ?? ChaosOptions.Default, CancellationToken.None);
    }

    /// <summary>Searches generated trees for a counterexample to the catalog pattern <paramref name="patternId"/>.</summary>
    /// <param name="patternId">A catalog id such as <c>when-all</c>.</param>
    /// <param name="options">How to search; <see cref="ChaosOptions.Default"/> when null.</param>
    public static ChaosResult Check(string patternId, ChaosOptions? options = null) =>
        ChaosSearch.Run(PatternUnderTest.FromCatalog(patternId), options ?? ChaosOptions.Default, CancellationToken.None);

    /// <summary>Runs <paramref name="tree"/> once under the catalog pattern <paramref name="patternId"/> and judges it.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternId">A catalog id such as <c>when-all</c>.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <param name="invariants">The invariant ids to check; all when null.</param>
    public static RunReport Run(TaskTree tree, string patternId, RunOptions? options = null, IReadOnlyCollection<string>? invariants = null) =>
        SingleRun.OnHarnessThread(tree, PatternUnderTest.FromCatalog(patternId), options ?? RunOptions.Default, invariants);

    /// <summary>Runs <paramref name="tree"/> once under <paramref name="pattern"/> and judges it.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="pattern">Runs the given children under the given token.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <param name="invariants">The invariant ids to check; all when null.</param>
    public static RunReport Run(TaskTree tree, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> pattern, RunOptions? options = null, IReadOnlyCollection<string>? invariants = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return SingleRun.OnHarnessThread(tree, PatternUnderTest.FromDelegate(pattern, _ => pattern), options ?? RunOptions.Default, invariants);
    }

    /// <summary>Runs <paramref name="tree"/> once under the pattern <paramref name="patternFactory"/> makes from the runtime's clock, and judges it.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <param name="invariants">The invariant ids to check; all when null.</param>
    public static RunReport Run(TaskTree tree, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> patternFactory, RunOptions? options = null, IReadOnlyCollection<string>? invariants = null)
    {
        ArgumentNullException.ThrowIfNull(patternFactory);
        return SingleRun.OnHarnessThread(tree, PatternUnderTest.FromDelegate(patternFactory, patternFactory), options ?? RunOptions.Default, invariants);
    }
}
