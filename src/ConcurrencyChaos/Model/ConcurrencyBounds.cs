namespace ConcurrencyChaos.Model;

/// <summary>
/// How many children the patterns that run a tree's groups declare they run at once: the pattern under test's
/// bound, and the bound of each catalog pattern a group names (<see cref="Group.Pattern"/>). A group whose
/// pattern declares none starts every child at once. <see cref="ReferenceModel"/> simulates the bounds, so a
/// throttle that waits for a free slot is judged like the ideal throttle, not like an unbounded group.
/// </summary>
internal sealed class ConcurrencyBounds
{
    private readonly Func<string, int?> _named;

    /// <summary>Bounds of a pattern under test (null: none) and of named patterns (looked up by id; null: none).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A declared bound is below 1.</exception>
    public ConcurrencyBounds(int? patternUnderTest, Func<string, int?> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        if (patternUnderTest is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(patternUnderTest), patternUnderTest, "A pattern runs at least one child at once.");
        }

        PatternUnderTest = patternUnderTest;
        _named = named;
    }

    /// <summary>No pattern declares a bound: every group starts all of its children at once.</summary>
    public static ConcurrencyBounds None { get; } = new(null, static _ => null);

    /// <summary>The pattern under test's bound, or null.</summary>
    public int? PatternUnderTest { get; }

    /// <summary>Whether no pattern can have a bound: neither the pattern under test nor any named one.</summary>
    public bool IsNone => ReferenceEquals(this, None);

    /// <summary>How many children the pattern that runs <paramref name="group"/> runs at once, or null for all of them.</summary>
    public int? Of(Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var bound = group.Pattern is { } id ? _named(id) : PatternUnderTest;
        return bound is < 1 ? 1 : bound;
    }
}
