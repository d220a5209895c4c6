namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>fire-and-forget</c>: starts every child (<c>_ = child(ct);</c>) and returns at once.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public void StartAll(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     foreach (var item in items)
///     {
///         _ = ProcessAsync(item, ct); // "it's fine, it runs in the background"
///     }
/// }
/// </code>
/// What goes wrong: the caller carries on (or its request ends) while every child still runs
/// (orphans), and nobody ever observes a child's error (lost errors). A child that throws
/// synchronously throws out of the loop, straight to the caller, and the later children never start.
/// </remarks>
internal static class FireAndForgetPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "fire-and-forget",
        "_ = child(ct) for each child, then return at once: the children outlive the caller (orphans) and their errors are never observed.",
        """
        public void StartAll(IEnumerable<Item> items, CancellationToken ct)
        {
            foreach (var item in items)
            {
                _ = ProcessAsync(item, ct); // "it runs in the background"
            }
        }
        """,
        isStructured: false,
        _ => RunAsync);

    /// <summary>Starts the children as the real-world code does and returns at once.</summary>
    /// <param name="children">The children to start.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>A completed task: nothing waits for the children.</returns>
    public static Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        foreach (var child in children)
        {
            _ = child(cancellationToken);
        }

        return Task.CompletedTask;
    }
}
