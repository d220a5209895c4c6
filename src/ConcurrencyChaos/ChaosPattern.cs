using System.Reflection;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos;

/// <summary>
/// The pattern under test, in one type whatever form it was given in: a catalog id (<c>"when-all"</c>, which
/// converts implicitly), a fan-out delegate, or a factory that makes one from the runtime's clock. Every
/// entry point of <see cref="Chaos"/> takes one; the delegate overloads there only wrap their argument.
/// </summary>
/// <example>
/// <code>
/// Chaos.Check("when-all");
/// Chaos.Check(ChaosPattern.Of(OrderFanOut.ProcessAllAsync, "orders"));
/// Chaos.Check(ChaosPattern.Of(time =&gt; (children, ct) =&gt; MyFanOut.RunAsync(children, time, ct)));
/// Chaos.Check(ChaosPattern.Of(Throttled.RunAsync, maxConcurrency: 2)); // at most 2 children at once
/// </code>
/// </example>
/// <remarks>
/// A pattern that runs at most n children at once (a <c>SemaphoreSlim(n)</c> throttle, batches of n, n workers)
/// says so with the <c>maxConcurrency</c> overloads, or with <see cref="MaxConcurrencyAttribute"/> on its method: the ideal it
/// is judged against then starts a child only when one of the n running ends, so a throttle stuck behind n hung
/// children is not blamed for <c>terminates</c>, and the search does not run trees that no such throttle can finish.
/// Catalog patterns declare their own (<see cref="CatalogPattern.MaxConcurrency"/>).
/// </remarks>
public sealed class ChaosPattern
{
    /// <summary>The name given to a lambda, which has no readable name of its own.</summary>
    internal const string LambdaName = Reporting.Names.Lambda;

    private ChaosPattern(string name, string? catalogId, Func<TimeProvider, FanOutPattern> factory, int? maxConcurrency)
    {
        if (maxConcurrency is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "A pattern runs at least one child at once.");
        }

        Name = name;
        CatalogId = catalogId;
        Factory = factory;
        MaxConcurrency = maxConcurrency;
        Bounds = new ConcurrencyBounds(maxConcurrency, static id => PatternCatalog.TryGet(id, out var named) ? named.MaxConcurrency : null);
    }

    /// <summary>Gets the name shown in reports and written into kept scenarios: the catalog id, the given name, or <c>Type.Method</c> of the delegate.</summary>
    public string Name { get; }

    /// <summary>Gets how many children the pattern declares it runs at once, or null when it starts them all.</summary>
    public int? MaxConcurrency { get; }

    /// <summary>Gets whether this is a pattern of the built-in catalog (<see cref="PatternCatalog"/>).</summary>
    public bool IsCatalogPattern => CatalogId is not null;

    /// <summary>The catalog id, for catalog patterns.</summary>
    internal string? CatalogId { get; }

    /// <summary>Makes the pattern's delegate from the runtime's clock.</summary>
    internal Func<TimeProvider, FanOutPattern> Factory { get; }

    /// <summary>The bounds the ideal run simulates: this pattern's, and the catalog's for groups that name a pattern.</summary>
    internal ConcurrencyBounds Bounds { get; }

    /// <summary>Converts a catalog id such as <c>when-all</c> into the catalog's pattern.</summary>
    /// <param name="catalogId">A catalog id.</param>
    public static implicit operator ChaosPattern(string catalogId) => Catalog(catalogId);

    /// <summary>The built-in catalog's pattern with this id.</summary>
    /// <param name="id">A catalog id such as <c>when-all</c>.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">No catalog pattern has that id; the message lists the known ids.</exception>
    public static ChaosPattern Catalog(string id)
    {
        var entry = PatternCatalog.Get(id);
        return new ChaosPattern(entry.Id, entry.Id, entry.Create, entry.MaxConcurrency);
    }

    /// <summary>Same as <see cref="Catalog"/>: the catalog's pattern with this id.</summary>
    /// <param name="catalogId">A catalog id such as <c>when-all</c>.</param>
    /// <returns>The pattern.</returns>
    public static ChaosPattern FromString(string catalogId) => Catalog(catalogId);

    /// <summary>A fan-out delegate: run these children under this token.</summary>
    /// <param name="pattern">The delegate; a <see cref="MaxConcurrencyAttribute"/> on its method declares its bound.</param>
    /// <param name="name">The name to show; by default <c>Type.Method</c>, or <c>your-pattern</c> for a lambda.</param>
    /// <returns>The pattern.</returns>
    public static ChaosPattern Of(FanOutPattern pattern, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new ChaosPattern(name ?? NameOf(pattern), null, _ => pattern, Declared(pattern));
    }

    /// <summary>A fan-out delegate that runs at most <paramref name="maxConcurrency"/> children at once (see the remarks).</summary>
    /// <param name="pattern">The delegate.</param>
    /// <param name="maxConcurrency">How many children the pattern runs at once, at most; at least 1.</param>
    /// <param name="name">The name to show; by default <c>Type.Method</c>, or <c>your-pattern</c> for a lambda.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is below 1.</exception>
    public static ChaosPattern Of(FanOutPattern pattern, int maxConcurrency, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new ChaosPattern(name ?? NameOf(pattern), null, _ => pattern, maxConcurrency);
    }

    /// <summary>A factory that makes the fan-out delegate from the <see cref="TimeProvider"/> to take delays and timeouts from.</summary>
    /// <param name="patternFactory">The factory; called once per run with the runtime's clock. A <see cref="MaxConcurrencyAttribute"/> on its method declares the bound.</param>
    /// <param name="name">The name to show; by default <c>Type.Method</c>, or <c>your-pattern</c> for a lambda.</param>
    /// <returns>The pattern.</returns>
    public static ChaosPattern Of(Func<TimeProvider, FanOutPattern> patternFactory, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(patternFactory);
        return new ChaosPattern(name ?? NameOf(patternFactory), null, patternFactory, Declared(patternFactory));
    }

    /// <summary>A factory of a fan-out delegate that runs at most <paramref name="maxConcurrency"/> children at once (see the remarks).</summary>
    /// <param name="patternFactory">The factory; called once per run with the runtime's clock.</param>
    /// <param name="maxConcurrency">How many children the pattern runs at once, at most; at least 1.</param>
    /// <param name="name">The name to show; by default <c>Type.Method</c>, or <c>your-pattern</c> for a lambda.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is below 1.</exception>
    public static ChaosPattern Of(Func<TimeProvider, FanOutPattern> patternFactory, int maxConcurrency, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(patternFactory);
        return new ChaosPattern(name ?? NameOf(patternFactory), null, patternFactory, maxConcurrency);
    }

    /// <summary>A consumer's pattern under its own id (a scenario file's <c>expect</c> key), bounded as given or as its factory's method declares.</summary>
    internal static ChaosPattern Named(string id, Func<TimeProvider, FanOutPattern> patternFactory, int? maxConcurrency = null) =>
        new(id, null, patternFactory, maxConcurrency ?? Declared(patternFactory));

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>The bound a <see cref="MaxConcurrencyAttribute"/> on the delegate's method declares, or null.</summary>
    private static int? Declared(Delegate pattern) => pattern.Method.GetCustomAttribute<MaxConcurrencyAttribute>()?.MaxConcurrency;

    /// <summary>A readable name for a consumer's delegate: Type.Method, or "your-pattern" for a lambda.</summary>
    private static string NameOf(Delegate pattern)
    {
        var method = pattern.Method;
        return method.Name.Contains('<', StringComparison.Ordinal) || method.DeclaringType is null
            ? LambdaName
            : $"{method.DeclaringType.Name}.{method.Name}";
    }
}
