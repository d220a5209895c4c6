namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>when-all</c>: the everyday fan-out, <c>await Task.WhenAll(children.Select(c =&gt; c(ct)))</c>.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     await Task.WhenAll(items.Select(item =&gt; ProcessAsync(item, ct)));
/// }
/// </code>
/// What goes wrong:
/// <list type="bullet">
/// <item><description><c>await</c> rethrows only one error, the first to happen (on .NET 10 the
/// <c>WhenAll</c> task lists its children's exceptions in the order they failed, not in list order).
/// The others were held only by that inner task's <see cref="Task.Exception"/>: the async method's
/// own task keeps just the rethrown one, so the rest are lost for good.</description></item>
/// <item><description>When a child fails, its siblings are never cancelled: they run to their end
/// (no fail-fast).</description></item>
/// <item><description>When a child delegate throws synchronously, the <c>Select</c> enumeration inside
/// <see cref="Task.WhenAll(IEnumerable{Task})"/> throws: the children already started are orphaned,
/// the later ones never start.</description></item>
/// </list>
/// </remarks>
internal static class WhenAllPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "when-all",
        "await Task.WhenAll(children.Select(c => c(ct))): await throws only the first error, siblings of a failure are never cancelled, a synchronous throw orphans the started children.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            await Task.WhenAll(items.Select(item => ProcessAsync(item, ct)));
        }
        """,
        isStructured: false,
        _ => RunAsync);

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>The task of <see cref="Task.WhenAll(IEnumerable{Task})"/>, awaited.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        await Task.WhenAll(children.Select(child => child(cancellationToken)));
    }
}
