namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>swallow-cancel</c>: <c>when-all</c> inside <c>try { ... } catch (OperationCanceledException) { }</c>.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     try
///     {
///         await Task.WhenAll(items.Select(item =&gt; ProcessAsync(item, ct)));
///     }
///     catch (OperationCanceledException)
///     {
///         // "cancellation is not an error"
///     }
/// }
/// </code>
/// What goes wrong: when the caller cancels, the operation reports success
/// (<see cref="TaskStatus.RanToCompletion"/>), so the caller goes on as if the work were done.
/// It swallows every <see cref="OperationCanceledException"/>, whoever's token it came from; a
/// real fault still escapes (<see cref="Task.WhenAll(IEnumerable{Task})"/> faults when any child
/// faulted), but only the first, as in <c>when-all</c>.
/// </remarks>
internal static class SwallowCancelPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "swallow-cancel",
        "try { await Task.WhenAll(...); } catch (OperationCanceledException) { }: reports success after the caller cancelled.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            try
            {
                await Task.WhenAll(items.Select(item => ProcessAsync(item, ct)));
            }
            catch (OperationCanceledException)
            {
                // "cancellation is not an error"
            }
        }
        """,
        isStructured: false,
        _ => RunAsync);

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>A task that never ends canceled.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(children.Select(child => child(cancellationToken)));
        }
        catch (OperationCanceledException)
        {
            // Deliberately empty: this is the bug the pattern stands for.
        }
    }
}
