namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// The ids a scenario file may name: the pattern ids (keys of <c>expect</c> and a group's <c>pattern</c>),
/// the invariant ids (items of <c>expect</c>) and the operation names (a leaf's <c>operation</c>). Supplied
/// by the caller (the built-in one is <c>Chaos.Vocabulary</c>) from the pattern and invariant catalogs and the
/// registered operations.
/// Error messages list the ids in the sets' enumeration order.
/// </summary>
/// <param name="PatternIds">The known pattern ids, e.g. <c>when-all</c>.</param>
/// <param name="InvariantIds">The known invariant ids, e.g. <c>errors-observed</c>.</param>
public sealed record ScenarioVocabulary(IReadOnlySet<string> PatternIds, IReadOnlySet<string> InvariantIds)
{
    /// <summary>A vocabulary of these pattern and invariant ids, listed in errors in the order given.</summary>
    /// <param name="patternIds">The known pattern ids.</param>
    /// <param name="invariantIds">The known invariant ids.</param>
    public ScenarioVocabulary(IEnumerable<string> patternIds, IEnumerable<string> invariantIds)
        : this(new OrderedSet([.. patternIds]), new OrderedSet([.. invariantIds]))
    {
    }

    /// <summary>This vocabulary plus a consumer's own pattern names (for scenarios of their own patterns).</summary>
    public ScenarioVocabulary WithPatterns(params IEnumerable<string> patternIds) =>
        this with { PatternIds = new OrderedSet([.. PatternIds, .. patternIds]) };

    /// <summary>This vocabulary plus a consumer's own invariant ids (<c>ChaosInvariant.Id</c>, or <c>property</c>), for <c>expect</c> lists that name them.</summary>
    public ScenarioVocabulary WithInvariants(params IEnumerable<string> invariantIds) =>
        this with { InvariantIds = new OrderedSet([.. InvariantIds, .. invariantIds]) };

    /// <summary>
    /// The operation names a leaf may run (keys of <c>RunOptions.Operations</c>); none in
    /// the built-in vocabulary, since operations are a consumer's code.
    /// </summary>
    public IReadOnlySet<string> OperationNames { get; init; } = new OrderedSet([]);

    /// <summary>This vocabulary plus a consumer's registered operation names (for scenarios whose leaves run them).</summary>
    public ScenarioVocabulary WithOperations(params IEnumerable<string> operationNames) =>
        this with { OperationNames = new OrderedSet([.. OperationNames, .. operationNames.Order(StringComparer.Ordinal)]) };

    /// <summary>A set that enumerates in insertion order, so error messages list ids in catalog order.</summary>
    private sealed class OrderedSet(IReadOnlyList<string> items) : IReadOnlySet<string>
    {
        private readonly IReadOnlyList<string> _items = [.. items.Distinct(StringComparer.Ordinal)];
        private readonly HashSet<string> _set = new(items, StringComparer.Ordinal);

        public int Count => _items.Count;

        public bool Contains(string item) => _set.Contains(item);

        public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public bool IsProperSubsetOf(IEnumerable<string> other) => _set.IsProperSubsetOf(other);

        public bool IsProperSupersetOf(IEnumerable<string> other) => _set.IsProperSupersetOf(other);

        public bool IsSubsetOf(IEnumerable<string> other) => _set.IsSubsetOf(other);

        public bool IsSupersetOf(IEnumerable<string> other) => _set.IsSupersetOf(other);

        public bool Overlaps(IEnumerable<string> other) => _set.Overlaps(other);

        public bool SetEquals(IEnumerable<string> other) => _set.SetEquals(other);
    }
}
