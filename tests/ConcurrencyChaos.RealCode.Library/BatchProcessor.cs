namespace Contoso.FanOut;

/// <summary>The fan-outs the BCL offers, used as their documentation shows.</summary>
public static class BatchProcessor
{
    /// <summary><c>Parallel.ForEachAsync</c> with the caller's token (default degree of parallelism).</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The loop.</returns>
    public static async Task ProcessInParallelAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(operations, cancellationToken, async (operation, token) => await operation(token).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>Handles results as they come (<c>Task.WhenEach</c>); the first failure ends the loop.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The loop.</returns>
    public static async Task ProcessAsTheyCompleteAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var tasks = operations.Select(operation => operation(cancellationToken)).ToList();
        await foreach (var task in Task.WhenEach(tasks).ConfigureAwait(false))
        {
            await task.ConfigureAwait(false); // the first failure throws out of the loop
        }
    }
}
