using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos.Patterns;

/// <summary>The built-in patterns: the naive ones people really write, then the structured ones.</summary>
public static class PatternCatalog
{
    private static readonly ReadOnlyCollection<CatalogPattern> s_all = new(
    [
        WhenAllPattern.Entry,
        FireAndForgetPattern.Entry,
        WhenAnyPattern.Entry,
        AwaitInTurnPattern.Entry,
        UnlinkedTokenPattern.Entry,
        SwallowCancelPattern.Entry,
        ParallelForEachPattern.Entry,
        WaitAsyncTimeoutPattern.Entry,
        AsyncVoidPattern.Entry,
        TaskGroupPattern.Entry,
        SupervisorPattern.Entry,
        PollyTimeoutPattern.Entry,
        PollyRetryPattern.Entry,
        ChannelWorkerPoolPattern.Entry,
        WhenEachBreakPattern.Entry,
    ]);

    private static readonly Dictionary<string, CatalogPattern> s_byId =
        s_all.ToDictionary(pattern => pattern.Id, StringComparer.Ordinal);

    /// <summary>Every pattern, naive ones first, in a fixed order.</summary>
    public static IReadOnlyList<CatalogPattern> All => s_all;

    /// <summary>Gets the pattern with the given id.</summary>
    /// <param name="id">A kebab-case id such as <c>when-all</c>; compared exactly.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No pattern has that id; the message lists the known ids.</exception>
    public static CatalogPattern Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (s_byId.TryGetValue(id, out var pattern))
        {
            return pattern;
        }

        throw new ArgumentException(
            $"Unknown pattern id '{id}'. Known ids: {string.Join(", ", s_all.Select(p => p.Id))}.",
            nameof(id));
    }

    /// <summary>Tries to get the pattern with the given id.</summary>
    /// <param name="id">A kebab-case id such as <c>when-all</c>; compared exactly.</param>
    /// <param name="pattern">The pattern, when found.</param>
    /// <returns>Whether a pattern has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public static bool TryGet(string id, [MaybeNullWhen(false)] out CatalogPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(id);
        return s_byId.TryGetValue(id, out pattern);
    }
}
