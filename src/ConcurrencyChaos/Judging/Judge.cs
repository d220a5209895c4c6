using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>Judges one run: checks a tree's trace against the invariants of <see cref="InvariantCatalog"/> and the consumer's own.</summary>
internal static class Judge
{
    /// <summary>
    /// Every violation in the run, in catalog order and, within an invariant, by the node it is about
    /// (tree pre-order). <paramref name="invariantIds"/> picks catalog invariants by id; null checks all of them.
    /// <paramref name="bounds"/> are the concurrency bounds the patterns declare, which the ideal run simulates.
    /// </summary>
    /// <exception cref="ArgumentException">An id names no invariant.</exception>
    public static IReadOnlyList<Violation> Check(TaskTree tree, Trace trace, IReadOnlyCollection<string>? invariantIds = null, ConcurrencyBounds? bounds = null)
    {
        // Validate every id before judging anything, so a typo is never mistaken for "holds".
        var invariants = invariantIds is null ? InvariantSet.Catalog : InvariantSet.Select([], null, invariantIds, nameof(invariantIds), "custom");
        return Check(tree, trace, invariants, bounds);
    }

    /// <summary>
    /// Every violation in the run of the invariants of <paramref name="invariants"/>, in its order and, within an
    /// invariant, by node; the ideal run bounded by <paramref name="bounds"/>.
    /// </summary>
    public static IReadOnlyList<Violation> Check(TaskTree tree, Trace trace, InvariantSet invariants, ConcurrencyBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(invariants);
        var input = new JudgeInput(tree, trace, bounds);
        List<Violation>? violations = null;
        var selected = invariants.Selected;
        for (var i = 0; i < selected.Count; i++)
        {
            selected[i].Check(input, ref violations);
        }

        return violations is null ? [] : [.. violations];
    }
}
