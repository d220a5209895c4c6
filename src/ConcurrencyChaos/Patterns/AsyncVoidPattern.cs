using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>async-void</c>: for each child, calls an <c>async void</c> helper that awaits it, and returns at once.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public void StartAll(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     foreach (var item in items)
///     {
///         Process(item, ct);
///     }
/// }
///
/// private async void Process(Item item, CancellationToken ct) // "like an event handler"
/// {
///     await ProcessAsync(item, ct);
/// }
/// </code>
/// What goes wrong: nothing can wait for the children (orphans), and a child's exception, thrown
/// synchronously or not, is not returned to anyone: the <c>async void</c> method posts it to the
/// <see cref="SynchronizationContext"/> captured when it started (or throws it on the thread pool
/// when there is none). In a real application that crashes the process or the UI thread; under the
/// harness the runtime's context receives it. The awaiter of the pattern sees success.
/// </remarks>
internal static class AsyncVoidPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "async-void",
        "An async void helper per child, called without waiting: the caller returns at once and a child's exception goes to the SynchronizationContext (a crash), never to the caller.",
        """
        public void StartAll(IEnumerable<Item> items, CancellationToken ct)
        {
            foreach (var item in items)
            {
                Process(item, ct);
            }
        }

        private async void Process(Item item, CancellationToken ct)
        {
            await ProcessAsync(item, ct);
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
            Run(child, cancellationToken);
        }

        return Task.CompletedTask;
    }

    [SuppressMessage(
        "Usage",
        "VSTHRD100:Avoid async void methods",
        Justification = "The async-void pattern deliberately reproduces this bad practice so that the harness can catch it.")]
    private static async void Run(Func<CancellationToken, Task> child, CancellationToken cancellationToken)
    {
        await child(cancellationToken);
    }
}
