using System.Collections.Immutable;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// A scenario: a named task tree and, for each pattern it is run with, the exact set of invariants that
/// pattern must violate on it (an empty set: the pattern must hold every invariant).
/// Equality is structural over <see cref="Name"/>, <see cref="About"/>, <see cref="Tree"/> and the
/// contents of <see cref="Expect"/>; <see cref="SourcePath"/> is where it was read from, not part of what it is.
/// </summary>
public sealed record Scenario
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _expect =
        ImmutableSortedDictionary<string, IReadOnlyList<string>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Creates a scenario.</summary>
    /// <param name="name">The scenario's name (non-empty; kebab-case recommended).</param>
    /// <param name="about">What the scenario shows, for people; or null.</param>
    /// <param name="tree">The task tree, with its caller cancellation time and scheduler seed.</param>
    /// <param name="expect">Pattern id to the exact invariant ids that pattern must violate on <paramref name="tree"/>.</param>
    /// <param name="sourcePath">The file the scenario was read from, or null.</param>
    public Scenario(
        string name,
        string? about,
        TaskTree tree,
        IReadOnlyDictionary<string, IReadOnlyList<string>> expect,
        string? sourcePath = null)
    {
        Name = name;
        About = about;
        Tree = tree;
        Expect = expect;
        SourcePath = sourcePath;
    }

    /// <summary>The scenario's name.</summary>
    public string Name
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
        }
    }

    /// <summary>What the scenario shows, for people; or null.</summary>
    public string? About { get; init; }

    /// <summary>The task tree, with its caller cancellation time (<see cref="TaskTree.CancelAfter"/>) and scheduler seed (<see cref="TaskTree.Seed"/>).</summary>
    public TaskTree Tree
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
        }
    }

    /// <summary>
    /// Pattern id to the exact invariant ids that pattern must violate on <see cref="Tree"/>, in the order
    /// given; an empty list means the pattern must hold every invariant. Enumerates pattern ids in ordinal order.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Expect
    {
        get => _expect;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var builder = ImmutableSortedDictionary.CreateBuilder<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (pattern, invariants) in value)
            {
                ArgumentNullException.ThrowIfNull(invariants);
                builder[pattern] = invariants.ToImmutableArray();
            }

            _expect = builder.ToImmutable();
        }
    }

    /// <summary>The file the scenario was read from, or null. Not part of equality.</summary>
    public string? SourcePath { get; init; }

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
}
