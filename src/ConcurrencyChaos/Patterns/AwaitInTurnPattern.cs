namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>await-in-turn</c>: starts all children into a list, then awaits them one by one,
/// <c>foreach (var t in tasks) await t;</c>.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var tasks = items.Select(item =&gt; ProcessAsync(item, ct)).ToList();
///     foreach (var task in tasks)
///     {
///         await task;
///     }
/// }
/// </code>
/// What goes wrong: the first failure (in list order, not in time order) is thrown and the loop
/// abandons the tasks after it: they keep running (orphans), their errors are never observed
/// (lost errors), and nobody cancels them. A failure of a later task is only seen after every
/// earlier task has ended. A synchronous throw in the <c>Select</c> orphans the children already
/// started.
/// </remarks>
internal static class AwaitInTurnPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "await-in-turn",
        "Start all into a list, then foreach (var t in tasks) await t: the first failure abandons the rest, still running, unobserved and never cancelled.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            var tasks = items.Select(item => ProcessAsync(item, ct)).ToList();
            foreach (var task in tasks)
            {
                await task;
            }
        }
        """,
        isStructured: false,
        _ => RunAsync);

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>A task that ends when every child has ended, or with the first failure in list order.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var tasks = children.Select(child => child(cancellationToken)).ToList();
        foreach (var task in tasks)
        {
            await task;
        }
    }
}
