using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Xunit;

/// <summary>
/// Assertions over one run of one tree: <c>ChaosAssert.Holds(Chaos.Run(tree, MyFanOut.RunAllAsync))</c>. On failure they
/// throw a <see cref="ChaosAssertException"/> whose message is one line saying what was expected, then the
/// rendered run (<see cref="RunReport.ToString"/>): the tree, what each node did and the violations; a failed
/// <see cref="Holds"/> adds an xunit test that replays the run (<see cref="RunReport.ReplayTest"/>).
/// </summary>
/// <example>
/// In an FsCheck property over generated trees, a failure prints FsCheck's original and shrunk trees as C#, then this
/// message for the shrunk one:
/// <code>
/// [Property(Arbitrary = new[] { typeof(ChaosArbitraries) })]
/// public void Holds_on_every_tree(TaskTree tree) => ChaosAssert.Holds(Chaos.Run(tree, MyFanOut.RunAllAsync));
/// </code>
/// </example>
public static class ChaosAssert
{
    /// <summary>Asserts that the run held every invariant it checked; when not, the message ends with a test that replays the run.</summary>
    /// <param name="report">The run: <c>Chaos.Run(tree, pattern)</c>.</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ChaosAssertException">The run broke an invariant.</exception>
    public static RunReport Holds(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return AssertHolds(report);
    }

    /// <summary>
    /// Asserts that the run violated exactly <paramref name="invariantIds"/> (as a scenario file's <c>expect</c>),
    /// or at least one invariant when none are given.
    /// </summary>
    /// <param name="report">The run: <c>Chaos.Run(tree, pattern)</c>.</param>
    /// <param name="invariantIds">The exact invariant ids it must violate, e.g. <c>errors-observed</c>; none for "any".</param>
    /// <returns>The run, for further assertions.</returns>
    /// <exception cref="ArgumentException">An id is not an invariant id.</exception>
    /// <exception cref="ChaosAssertException">The run violated something else.</exception>
    public static RunReport Violates(RunReport report, params string[] invariantIds)
    {
        ArgumentNullException.ThrowIfNull(report);
        CheckIds(invariantIds);
        return AssertViolates(report, invariantIds);
    }

    private static RunReport AssertHolds(RunReport report) => report.Passed
        ? report
        : throw new ChaosAssertException(
            $"Expected pattern '{report.PatternName}' to hold every invariant, but it broke {List(Actual(report))}.\n\n{report}\nReplay it with this xunit test:\n\n{report.ReplayTest()}",
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

    private static void CheckIds(string[] invariantIds) => InvariantCatalog.Validate(invariantIds, nameof(invariantIds));
}
