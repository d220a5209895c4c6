using System.Collections.Immutable;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// A scenario: a named task tree and, for each pattern it is run with, the exact set of invariants that
/// pattern must violate on it (an empty set: the pattern must hold every invariant); and, for a kept
/// counterexample, what the search <see cref="Found"/> the pattern break when it was kept.
/// Equality is structural over <see cref="Name"/>, <see cref="About"/>, <see cref="Tree"/> and the
/// contents of <see cref="Expect"/> and <see cref="Found"/>; <see cref="SourcePath"/> is where it was read
/// from, not part of what it is.
/// </summary>
/// <remarks>
/// A kept counterexample expects the pattern to hold (<c>"expect": { "when-all": [] }</c>) and records the bug in
/// <c>"found": { "when-all": ["cancellation-propagated"] }</c>: its test fails until the bug is fixed, then guards
/// the fix. A catalog scenario that documents a naive pattern's bug expects the bug itself and has no <c>found</c>.
/// </remarks>
/// <param name="Name">The scenario's name (non-empty; kebab-case recommended).</param>
/// <param name="About">What the scenario shows, for people; or null.</param>
/// <param name="Tree">The task tree, with its caller cancellation time and scheduler seed.</param>
/// <param name="Expect">Pattern id to the exact invariant ids that pattern must violate on <paramref name="Tree"/>.</param>
/// <param name="SourcePath">The file the scenario was read from, or null.</param>
public sealed record Scenario(
    string Name,
    string? About,
    TaskTree Tree,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Expect,
    string? SourcePath = null)
{
    /// <summary>The scenario's name.</summary>
    public string Name { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } =
        Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>The task tree, with its caller cancellation time (<see cref="TaskTree.CancelAfter"/>) and scheduler seed (<see cref="TaskTree.Seed"/>).</summary>
    public TaskTree Tree { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } =
        Tree ?? throw new ArgumentNullException(nameof(Tree));

    /// <summary>
    /// Pattern id to the exact invariant ids that pattern must violate on <see cref="Tree"/>, in the order
    /// given; an empty list means the pattern must hold every invariant. An immutable copy that enumerates
    /// pattern ids in ordinal order.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Expect { get; init => field = Freeze(value); } = Freeze(Expect);

    /// <summary>
    /// Pattern id to the invariant ids that pattern broke when this scenario was kept (a record, not an
    /// expectation: replays compare with <see cref="Expect"/> only); empty for a scenario that was not found by a
    /// search. An immutable copy that enumerates pattern ids in ordinal order.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Found { get; init => field = Freeze(value); } = Freeze(NoPatterns);

    /// <summary>The empty pattern-to-invariants map.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> NoPatterns { get; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <inheritdoc />
    public bool Equals(Scenario? other) =>
        other is not null
        && Name == other.Name
        && About == other.About
        && Tree == other.Tree
        && SameLists(Expect, other.Expect)
        && SameLists(Found, other.Found);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(About);
        hash.Add(Tree);
        foreach (var lists in (IEnumerable<IReadOnlyDictionary<string, IReadOnlyList<string>>>)[Expect, Found])
        {
            hash.Add(lists.Count);
            foreach (var (pattern, invariants) in lists)
            {
                hash.Add(pattern);
                foreach (var invariant in invariants)
                {
                    hash.Add(invariant);
                }
            }
        }

        return hash.ToHashCode();
    }

    private static bool SameLists(IReadOnlyDictionary<string, IReadOnlyList<string>> ours, IReadOnlyDictionary<string, IReadOnlyList<string>> theirs) =>
        ours.Count == theirs.Count
        && ours.All(e => theirs.TryGetValue(e.Key, out var list) && e.Value.SequenceEqual(list, StringComparer.Ordinal));

    private static ImmutableSortedDictionary<string, IReadOnlyList<string>> Freeze(IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (pattern, invariants) in lists)
        {
            ArgumentNullException.ThrowIfNull(invariants);
            builder[pattern] = invariants.ToImmutableArray();
        }

        return builder.ToImmutable();
    }
}
