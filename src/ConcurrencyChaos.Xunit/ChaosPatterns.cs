using System.Collections;

namespace ConcurrencyChaos.Xunit;

/// <summary>
/// A consumer's own patterns by name, so scenario files can name them in <c>expect</c> next to the catalog ids:
/// <c>new ChaosPatterns { { "orders-naive", OrderFanOut.ProcessAllNaiveAsync } }</c>, passed to
/// <see cref="ScenarioCase.Verify(string, string, ChaosPatterns?, Execution.RunOptions?)"/>.
/// </summary>
public sealed class ChaosPatterns : IEnumerable<KeyValuePair<string, Func<TimeProvider, FanOutPattern>>>
{
    private readonly Dictionary<string, Func<TimeProvider, FanOutPattern>> _patterns = new(StringComparer.Ordinal);

    /// <summary>The pattern names.</summary>
    public IReadOnlyCollection<string> Ids => _patterns.Keys;

    /// <summary>The patterns, as <see cref="ScenarioOptions.Patterns"/> takes them.</summary>
    public IReadOnlyDictionary<string, Func<TimeProvider, FanOutPattern>> Factories => _patterns;

    /// <summary>Adds a pattern under a name.</summary>
    /// <param name="id">The name scenario files use in <c>expect</c>; must not be a catalog id or already added.</param>
    /// <param name="pattern">Runs the given children under the given token.</param>
    public void Add(string id, FanOutPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Add(id, _ => pattern);
    }

    /// <summary>Adds a pattern, made from the runtime's clock, under a name.</summary>
    /// <param name="id">The name scenario files use in <c>expect</c>; must not be a catalog id or already added.</param>
    /// <param name="patternFactory">Makes the pattern, given the <see cref="TimeProvider"/> to take delays and timeouts from.</param>
    public void Add(string id, Func<TimeProvider, FanOutPattern> patternFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(patternFactory);
        if (Chaos.Vocabulary.PatternIds.Contains(id))
        {
            throw new ArgumentException($"'{id}' is a catalog pattern id; give your pattern another name.", nameof(id));
        }

        if (!_patterns.TryAdd(id, patternFactory))
        {
            throw new ArgumentException($"A pattern named '{id}' was already added.", nameof(id));
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Func<TimeProvider, FanOutPattern>>> GetEnumerator() => _patterns.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
