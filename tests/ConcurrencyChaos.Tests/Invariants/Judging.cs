using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Invariants;

internal static class Judging
{
    /// <summary>The messages of one invariant's violations.</summary>
    public static IReadOnlyList<string> Messages(string invariant, TaskTree tree, Trace trace) =>
        [.. Judge.Check(tree, trace, [invariant]).Select(v =>
        {
            Assert.Equal(invariant, v.Invariant);
            return v.Message;
        })];

    /// <summary>What each of one invariant's violations found, as data: the reporters draw these.</summary>
    public static IReadOnlyList<T> Findings<T>(string invariant, TaskTree tree, Trace trace)
        where T : Finding =>
        [.. Judge.Check(tree, trace, [invariant]).Select(v => Assert.IsType<T>(v.Finding))];
}
