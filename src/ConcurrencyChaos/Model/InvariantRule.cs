namespace ConcurrencyChaos.Model;

/// <summary>An invariant as reports name it: its id and its rule in one sentence.</summary>
/// <param name="Id">The stable kebab-case id, e.g. "no-orphans".</param>
/// <param name="Summary">The rule in one sentence.</param>
internal sealed record InvariantRule(string Id, string Summary);
