using System.Collections.Immutable;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// A scenario: a named task tree and, for each pattern it is run with, the exact set of invariants that
/// pattern must violate on it (an empty set: the pattern must hold every invariant).
/// Equality is structural over <see cref="Name"/>, <see cref="About"/>, <see cref="Tree"/> and the
/// contents of <see cref="Expect"/>; <see cref="SourcePath"/> is where it was read from, not part of what it is.
/// </summary>
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

    /// <inheritdoc />
    public bool Equals(Scenario? other) =>
        other is not null
        && Name == other.Name
        && About == other.About
        && Tree == other.Tree
        && Expect.Count == other.Expect.Count
        && Expect.All(e => other.Expect.TryGetValue(e.Key, out var theirs) && e.Value.SequenceEqual(theirs, StringComparer.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(About);
        hash.Add(Tree);
        foreach (var (pattern, invariants) in Expect)
        {
            hash.Add(pattern);
            foreach (var invariant in invariants)
            {
                hash.Add(invariant);
            }
        }

        return hash.ToHashCode();
    }

    private static ImmutableSortedDictionary<string, IReadOnlyList<string>> Freeze(IReadOnlyDictionary<string, IReadOnlyList<string>> expect)
    {
        ArgumentNullException.ThrowIfNull(expect);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (pattern, invariants) in expect)
        {
            ArgumentNullException.ThrowIfNull(invariants);
            builder[pattern] = invariants.ToImmutableArray();
        }

        return builder.ToImmutable();
    }
}
