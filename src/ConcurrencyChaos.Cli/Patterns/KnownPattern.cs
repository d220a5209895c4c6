using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos.Cli.Patterns;

/// <summary>A pattern the command can run: a catalog pattern, or one of the team's own found by <c>[ChaosPattern]</c>.</summary>
/// <param name="Id">The id <c>--pattern</c> and scenario files name it by.</param>
/// <param name="Summary">One line for <c>chaos patterns</c>.</param>
/// <param name="Kind">"naive" or "structured" for catalog patterns, "yours" for the team's.</param>
/// <param name="RunsControlled">Whether it stays on the deterministic runtime (see <see cref="CatalogPattern.RunsControlled"/>); assumed for the team's.</param>
/// <param name="Factory">Makes the pattern's delegate from the runtime's clock.</param>
/// <param name="Origin">For the team's: the method and assembly it came from; null for catalog patterns.</param>
/// <param name="MaxConcurrency">For the team's: the bound its method declares with <c>[MaxConcurrency(n)]</c>, or null.</param>
internal sealed record KnownPattern(string Id, string Summary, string Kind, bool RunsControlled, Func<TimeProvider, FanOutPattern> Factory, string? Origin, int? MaxConcurrency = null)
{
    /// <summary>Whether this is a catalog pattern.</summary>
    public bool IsCatalog => Origin is null;

    /// <summary>Whether this is a structured catalog pattern.</summary>
    public bool IsStructured => Kind == "structured";

    /// <summary>The catalog entry as a known pattern.</summary>
    public static KnownPattern FromCatalog(CatalogPattern pattern) =>
        new(pattern.Id, pattern.Summary, pattern.IsStructured ? "structured" : "naive", pattern.RunsControlled, pattern.Create, null);

    /// <summary>The pattern as the core takes it, named by its id (so a kept counterexample carries the real id).</summary>
    public ChaosPattern ToChaosPattern() =>
        IsCatalog ? ChaosPattern.Catalog(Id)
        : MaxConcurrency is { } bound ? ChaosPattern.Of(Factory, bound, Id)
        : ChaosPattern.Of(Factory, Id);
}
