namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>unlinked-token</c>: creates a <see cref="CancellationTokenSource"/> of its own ("a timeout of
/// its own", five minutes) that is not linked to the caller's token, and runs
/// <see cref="Task.WhenAll(IEnumerable{Task})"/> with it.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // forgot CreateLinkedTokenSource(ct)
///     await Task.WhenAll(items.Select(item =&gt; ProcessAsync(item, cts.Token)));
/// }
/// </code>
/// What goes wrong: the caller's cancellation never reaches the children, which run on (up to
/// five minutes) and may end the whole operation successfully after the caller cancelled; plus
/// everything <c>when-all</c> gets wrong (first error only, no fail-fast). The five minutes are
/// measured on the <see cref="TimeProvider"/> given to the catalog entry.
/// </remarks>
internal static class UnlinkedTokenPattern
{
    /// <summary>The timeout of the pattern's own token source.</summary>
    internal static readonly TimeSpan OwnTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "unlinked-token",
        "using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5)) not linked to the caller's token: caller cancellation never reaches the children.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // not linked to ct
            await Task.WhenAll(items.Select(item => ProcessAsync(item, cts.Token)));
        }
        """,
        isStructured: false,
        time => (children, cancellationToken) => RunAsync(children, time, cancellationToken));

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="time">The clock of the pattern's own five-minute token source.</param>
    /// <param name="cancellationToken">The caller's token: ignored, which is the bug.</param>
    /// <returns>The task of <see cref="Task.WhenAll(IEnumerable{Task})"/>, awaited.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = new CancellationTokenSource(OwnTimeout, time);
        await Task.WhenAll(children.Select(child => child(cts.Token)));
    }
}
