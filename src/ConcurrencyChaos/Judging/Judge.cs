using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>Judges one run: checks a tree's trace against the invariants of <see cref="InvariantCatalog"/>.</summary>
internal static class Judge
{
    /// <summary>
    /// Every violation in the run, in catalog order and, within an invariant, by the node it is about
    /// (tree pre-order). <paramref name="invariantIds"/> picks invariants by id; null checks all of them.
    /// <paramref name="bounds"/> are the concurrency bounds the patterns declare, which the ideal run simulates.
    /// </summary>
    /// <exception cref="ArgumentException">An id names no invariant.</exception>
    public static IReadOnlyList<Violation> Check(TaskTree tree, Trace trace, IReadOnlyCollection<string>? invariantIds = null, ConcurrencyBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(trace);

        // Validate every id before judging anything, so a typo is never mistaken for "holds".
        if (invariantIds is not null)
        {
            InvariantCatalog.Validate(invariantIds, nameof(invariantIds));
        }

        var selected = invariantIds?.Select(InvariantCatalog.Get).ToHashSet();
        var input = new JudgeInput(tree, trace, bounds);
        return
        [
            .. InvariantCatalog.All
                .Where(i => selected is null || selected.Contains(i))
                .SelectMany(i => i.Check(input)),
        ];
    }
}
