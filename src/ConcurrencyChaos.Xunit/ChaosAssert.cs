using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Xunit;

/// <summary>
/// Assertions over one run of one tree: <c>ChaosAssert.Holds(tree, MyFanOut.RunAllAsync)</c>. On failure they
/// throw a <see cref="ChaosAssertException"/> whose message is one line saying what was expected, then the
/// rendered run (<see cref="RunReport.ToString"/>): the tree, what each node did and the violations.
/// </summary>
public static class ChaosAssert
{
    /// <summary>Asserts that the catalog pattern <paramref name="patternId"/> holds every invariant on <paramref name="tree"/>.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternId">A catalog id such as <c>task-group</c>.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ChaosAssertException">The run broke an invariant.</exception>
    public static RunReport Holds(TaskTree tree, string patternId, RunOptions? options = null) =>
        AssertHolds(Chaos.Run(tree, patternId, options));

    /// <summary>Asserts that <paramref name="pattern"/> holds every invariant on <paramref name="tree"/>.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="pattern">Runs the given children under the given token.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ChaosAssertException">The run broke an invariant.</exception>
    public static RunReport Holds(TaskTree tree, FanOutPattern pattern, RunOptions? options = null) =>
        AssertHolds(Chaos.Run(tree, pattern, options));

    /// <summary>Asserts that the pattern <paramref name="patternFactory"/> makes holds every invariant on <paramref name="tree"/>.</summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    /// <param name="options">Budgets of the run; defaults when null.</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ChaosAssertException">The run broke an invariant.</exception>
    public static RunReport Holds(TaskTree tree, Func<TimeProvider, FanOutPattern> patternFactory, RunOptions? options = null) =>
        AssertHolds(Chaos.Run(tree, patternFactory, options));

    /// <summary>
    /// Asserts that the catalog pattern <paramref name="patternId"/> violates exactly <paramref name="invariantIds"/>
    /// on <paramref name="tree"/> (as a scenario file's <c>expect</c>), or at least one invariant when none are given.
    /// </summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternId">A catalog id such as <c>when-all</c>.</param>
    /// <param name="invariantIds">The exact invariant ids it must violate, e.g. <c>errors-observed</c>; none for "any".</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ArgumentException">An id is not an invariant id.</exception>
    /// <exception cref="ChaosAssertException">The run violated something else.</exception>
    public static RunReport Violates(TaskTree tree, string patternId, params string[] invariantIds)
    {
        CheckIds(invariantIds);
        return AssertViolates(Chaos.Run(tree, patternId), invariantIds);
    }

    /// <summary>
    /// Asserts that <paramref name="pattern"/> violates exactly <paramref name="invariantIds"/> on
    /// <paramref name="tree"/> (as a scenario file's <c>expect</c>), or at least one invariant when none are given.
    /// </summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="pattern">Runs the given children under the given token.</param>
    /// <param name="invariantIds">The exact invariant ids it must violate, e.g. <c>errors-observed</c>; none for "any".</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ArgumentException">An id is not an invariant id.</exception>
    /// <exception cref="ChaosAssertException">The run violated something else.</exception>
    public static RunReport Violates(TaskTree tree, FanOutPattern pattern, params string[] invariantIds)
    {
        CheckIds(invariantIds);
        return AssertViolates(Chaos.Run(tree, pattern), invariantIds);
    }

    /// <summary>
    /// Asserts that the pattern <paramref name="patternFactory"/> makes violates exactly <paramref name="invariantIds"/>
    /// on <paramref name="tree"/> (as a scenario file's <c>expect</c>), or at least one invariant when none are given.
    /// </summary>
    /// <param name="tree">The tree; its seed orders same-instant events.</param>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    /// <param name="invariantIds">The exact invariant ids it must violate, e.g. <c>errors-observed</c>; none for "any".</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ArgumentException">An id is not an invariant id.</exception>
    /// <exception cref="ChaosAssertException">The run violated something else.</exception>
    public static RunReport Violates(TaskTree tree, Func<TimeProvider, FanOutPattern> patternFactory, params string[] invariantIds)
    {
        CheckIds(invariantIds);
        return AssertViolates(Chaos.Run(tree, patternFactory), invariantIds);
    }

    private static RunReport AssertHolds(RunReport report) => report.Passed
        ? report
        : throw new ChaosAssertException(
            $"Expected pattern '{report.PatternName}' to hold every invariant, but it broke {List(Actual(report))}.\n\n{report}",
            report);

    private static RunReport AssertViolates(RunReport report, string[] expected)
    {
        var actual = Actual(report);
        var met = expected.Length == 0
            ? actual.Count > 0
            : actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        if (met)
        {
            return report;
        }

        var wanted = expected.Length == 0 ? "to break an invariant" : $"to break exactly {List(expected)}";
        var got = actual.Count == 0 ? "it held every invariant" : $"it broke {List(actual)}";
        throw new ChaosAssertException($"Expected pattern '{report.PatternName}' {wanted}, but {got}.\n\n{report}", report);
    }

    private static IReadOnlyList<string> Actual(RunReport report) => [.. report.Violations.Select(v => v.Invariant).Distinct()];

    private static string List(IEnumerable<string> ids) => string.Join(", ", ids);

    private static void CheckIds(string[] invariantIds)
    {
        ArgumentNullException.ThrowIfNull(invariantIds);
        var known = ScenarioVocabulary.BuiltIn.InvariantIds;
        foreach (var id in invariantIds)
        {
            if (id is null || !known.Contains(id))
            {
                throw new ArgumentException($"Unknown invariant id '{id}'. Known ids: {List(known)}.", nameof(invariantIds));
            }
        }
    }
}
