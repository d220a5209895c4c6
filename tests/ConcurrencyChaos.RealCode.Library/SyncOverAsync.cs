namespace Contoso.FanOut;

/// <summary>A synchronous API over async operations: it blocks its caller's thread until they end.</summary>
public static class SyncOverAsync
{
    /// <summary>Starts every operation and blocks until all have ended (<c>Task.WaitAll</c>).</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The token every operation gets.</param>
    public static void RunAll(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        Task.WaitAll([.. operations.Select(operation => operation(cancellationToken))]);
    }

    /// <summary>Starts every operation and blocks until the first has ended (<c>Task.WaitAny</c>).</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The token every operation gets.</param>
    /// <returns>The index of the first operation to end.</returns>
    public static int RunUntilFirst(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return Task.WaitAny([.. operations.Select(operation => operation(cancellationToken))]);
    }
}
