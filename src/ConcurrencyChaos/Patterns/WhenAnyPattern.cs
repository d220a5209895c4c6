namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>when-any</c>: starts all children and returns with the first to complete,
/// <c>await await Task.WhenAny(tasks)</c>.
/// </summary>
/// <remarks>
/// Stands for the "first answer wins" race:
/// <code>
/// public async Task FirstReplyAsync(IEnumerable&lt;Replica&gt; replicas, CancellationToken ct)
/// {
///     var tasks = replicas.Select(r =&gt; r.QueryAsync(ct)).ToList();
///     await await Task.WhenAny(tasks);
/// }
/// </code>
/// What goes wrong: the losers are abandoned, never cancelled and never awaited (orphans), and
/// their errors are never observed (lost errors). If the first to complete failed, its error is
/// thrown even though the others might have succeeded. With no children at all,
/// <see cref="Task.WhenAny(IEnumerable{Task})"/> throws <see cref="ArgumentException"/>, as in the
/// real code. A synchronous throw in the <c>Select</c> orphans the children already started.
/// </remarks>
internal static class WhenAnyPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "when-any",
        "await await Task.WhenAny(tasks): returns (or throws) with the first child to complete and abandons the rest, still running and unobserved.",
        """
        public async Task FirstReplyAsync(IEnumerable<Replica> replicas, CancellationToken ct)
        {
            var tasks = replicas.Select(r => r.QueryAsync(ct)).ToList();
            await await Task.WhenAny(tasks);
        }
        """,
        isStructured: false,
        _ => RunAsync);

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to race.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>A task that ends as the first child to complete ended.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var tasks = children.Select(child => child(cancellationToken)).ToList();
        await await Task.WhenAny(tasks);
    }
}
