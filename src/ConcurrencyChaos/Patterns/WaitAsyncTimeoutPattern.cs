namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>wait-async-timeout</c>: <c>await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(1), time, ct)</c>,
/// a timeout (and cancellation) bolted on from outside.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var tasks = items.Select(item =&gt; ProcessAsync(item, ct));
///     await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(1), ct);
/// }
/// </code>
/// What goes wrong: <see cref="Task.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/> only
/// stops <em>waiting</em>; it cancels nothing. On timeout it throws a
/// <see cref="TimeoutException"/> (carrying no inner exception) and on caller cancellation an
/// <see cref="OperationCanceledException"/>, while the children still run (orphans); whatever they
/// throw later is never observed, and an error already thrown by an early child is hidden behind
/// the <see cref="TimeoutException"/> (lost errors). Siblings of a failure are not cancelled.
/// Behaviour of WaitAsync worth knowing (.NET 10): if the awaited task is already complete, it is
/// returned as is, even when the token is cancelled or the timeout is zero; if the token is already
/// cancelled it returns a canceled task without starting a timer; otherwise the timer is created on
/// the given <see cref="TimeProvider"/> and disposed when any of the three ends first (only after the
/// continuations of the WaitAsync task have run, which may be inline).
/// The timeout of one second is measured on the <see cref="TimeProvider"/> given to the catalog entry.
/// </remarks>
internal static class WaitAsyncTimeoutPattern
{
    /// <summary>The timeout passed to <see cref="Task.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "wait-async-timeout",
        "await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(1), ct): on timeout or cancellation it returns while the children still run, and the TimeoutException hides their errors.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            var tasks = items.Select(item => ProcessAsync(item, ct));
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(1), ct);
        }
        """,
        isStructured: false,
        time => (children, cancellationToken) => RunAsync(children, time, cancellationToken));

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="time">The clock of the one-second timeout.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child and to WaitAsync.</param>
    /// <returns>A task that ends with the children, or earlier on timeout or caller cancellation.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, TimeProvider time, CancellationToken cancellationToken)
    {
        var tasks = children.Select(child => child(cancellationToken));
        await Task.WhenAll(tasks).WaitAsync(Timeout, time, cancellationToken);
    }
}
