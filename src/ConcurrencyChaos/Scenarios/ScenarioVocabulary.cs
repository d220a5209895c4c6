namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// The ids a scenario file may name: the pattern ids (keys of <c>expect</c> and a group's <c>pattern</c>)
/// and the invariant ids (items of <c>expect</c>). Supplied by the caller from the pattern and invariant catalogs.
/// Error messages list the ids in the sets' enumeration order.
/// </summary>
/// <param name="PatternIds">The known pattern ids, e.g. <c>when-all</c>.</param>
/// <param name="InvariantIds">The known invariant ids, e.g. <c>errors-observed</c>.</param>
public sealed record ScenarioVocabulary(IReadOnlySet<string> PatternIds, IReadOnlySet<string> InvariantIds);
