namespace Contoso.FanOut;

/// <summary>Runs operations concurrently as one structured group, with <c>ConfigureAwait(false)</c> on every await.</summary>
public static class ResilientFanOut
{
    /// <summary>Runs every operation; the first failure cancels the rest; all failures reach the caller.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static Task RunAllAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken) =>
        RunGroupAsync(operations, static (group, operation) => group.RunAsync(operation), cancellationToken);

    /// <summary>As <see cref="RunAllAsync"/>, but each operation starts on the thread pool with <c>Task.Run</c>.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static Task RunAllOnThreadPoolAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken) =>
        RunGroupAsync(operations, static (group, operation) => Task.Run(() => group.RunAsync(operation)), cancellationToken);

    /// <summary>As <see cref="RunAllAsync"/>, with at most three operations at a time (<c>SemaphoreSlim(3).WaitAsync(ct)</c>).</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static async Task RunThrottledAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(3);
        await RunGroupAsync(operations, (group, operation) => ThrottledAsync(group, gate, operation), cancellationToken).ConfigureAwait(false);
    }

    private static async Task RunGroupAsync(IReadOnlyList<Work> operations, Func<OperationGroup, Work, Task> start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        cancellationToken.ThrowIfCancellationRequested();
        using var group = new OperationGroup(cancellationToken);
        var running = new List<Task>(operations.Count);
        foreach (var operation in operations)
        {
            running.Add(start(group, operation));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        group.ThrowIfFailed(cancellationToken);
    }

    private static async Task ThrottledAsync(OperationGroup group, SemaphoreSlim gate, Work operation)
    {
        try
        {
            await gate.WaitAsync(group.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the group was cancelled while this one waited its turn: it never starts
        }

        try
        {
            await group.RunAsync(operation).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
