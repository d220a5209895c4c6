namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>when-each-break</c>: <c>await foreach (var t in Task.WhenEach(tasks)) { await t; }</c>, which
/// throws out of the loop on the first child to fail.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var tasks = items.Select(item =&gt; ProcessAsync(item, ct)).ToList();
///     await foreach (var task in Task.WhenEach(tasks)) { await task; /* handle its result */ }
/// }
/// </code>
/// Characteristic failure: the first child to fail (in completion order, not list order) throws out
/// of the loop; the children still running are abandoned (orphans), never cancelled (not fail-fast),
/// and whatever they throw later is never observed (lost errors). <c>Task.WhenEach</c> is given no
/// token, as is usual; the caller's token reaches the children directly.
/// </remarks>
internal static class WhenEachBreakPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "when-each-break",
        "await foreach (var t in Task.WhenEach(tasks)) await t;: the first failure throws out of the loop, abandoning the children still running and their errors.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            var tasks = items.Select(item => ProcessAsync(item, ct)).ToList();
            await foreach (var task in Task.WhenEach(tasks)) { await task; /* handle its result */ }
        }
        """,
        isStructured: false,
        _ => RunAsync,
        runsControlled: false); // Task.WhenEach awaits with ConfigureAwait(false): it leaves the runtime

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>A task that ends when every child has succeeded, or at the first failure.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var tasks = children.Select(child => child(cancellationToken)).ToList();
        await foreach (var task in Task.WhenEach(tasks))
        {
            await task;
        }
    }
}
