using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos;

/// <summary>What a run or search is checking: a catalog pattern by id, or a consumer's delegate, with a name to show.</summary>
internal sealed record PatternUnderTest(string Name, string? CatalogId, Func<TimeProvider, FanOutPattern> Factory)
{
    public static PatternUnderTest FromCatalog(string id)
    {
        var entry = PatternCatalog.Get(id);
        return new PatternUnderTest(entry.Id, entry.Id, entry.Create);
    }

    public static PatternUnderTest FromDelegate(Delegate pattern, Func<TimeProvider, FanOutPattern> factory) =>
        new(NameOf(pattern), null, factory);

    /// <summary>A readable name for a consumer's delegate: Type.Method, or "your pattern" for a lambda.</summary>
    private static string NameOf(Delegate pattern)
    {
        var method = pattern.Method;
        return method.Name.Contains('<', StringComparison.Ordinal) || method.DeclaringType is null
            ? "your-pattern"
            : $"{method.DeclaringType.Name}.{method.Name}";
    }
}
