namespace Contoso.FanOut;

/// <summary>
/// The same structured group as <see cref="ResilientFanOut.RunAllAsync"/>, written the way code older than
/// <c>async</c>/<c>await</c> writes it, or code that calls an older API: continuations (<c>ContinueWith</c> without a
/// scheduler, so on the thread pool), a Begin/End pair wrapped with <c>Task.Factory.FromAsync</c>, method groups
/// handed to the thread pool, and <c>Task.Delay</c> itself handed over as a method group.
/// </summary>
public static class LegacyFanOut
{
    /// <summary>Each operation's end is recorded by a continuation; a last continuation ends the group.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static Task RunWithContinuationsAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        cancellationToken.ThrowIfCancellationRequested();
        var group = new OperationGroup(cancellationToken);
        var recorded = operations
            .Select(operation => group.Start(operation) is { } task
                ? task.ContinueWith(static (ended, state) => ((OperationGroup)state!).Record(ended), group)
                : Task.FromResult(false))
            .ToArray();
        return Task.WhenAll(recorded).ContinueWith(_ =>
        {
            using (group)
            {
                return group.Outcome(cancellationToken);
            }
        }).Unwrap();
    }

    /// <summary>
    /// Each operation through a Begin/End pair (<see cref="LegacyOperationClient"/>): half of them with the
    /// <c>FromAsync(begin, end, ...)</c> form, the other half with <c>FromAsync(BeginRun(...), EndRun)</c>.
    /// </summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static async Task RunThroughBeginEndAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        cancellationToken.ThrowIfCancellationRequested();
        using var group = new OperationGroup(cancellationToken);
        var client = new LegacyOperationClient(group);
        var running = operations.Select((operation, i) => i % 2 == 0
            ? Task.Factory.FromAsync(client.BeginRun, client.EndRun, operation, null)
            : Task.Factory.FromAsync(client.BeginRun(operation, null, null), client.EndRun));
        await Task.WhenAll(running).ConfigureAwait(false);
        group.ThrowIfFailed(cancellationToken);
    }

    /// <summary>Each operation started on the thread pool through a method group (<c>QueueUserWorkItem</c>, <c>StartNew</c>, <c>Task.Run</c>, in turn).</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static async Task RunOnPoolThroughMethodGroupsAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        cancellationToken.ThrowIfCancellationRequested();
        using var group = new OperationGroup(cancellationToken);
        var running = new List<Task>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            var queued = new QueuedOperation(group, operations[i]);
            switch (i % 3)
            {
                case 0:
                    ThreadPool.QueueUserWorkItem(queued.Execute);
                    running.Add(queued.Ended);
                    break;
                case 1:
                    running.Add(Task.Factory.StartNew(RunQueued, queued).Unwrap());
                    break;
                default:
                    running.Add(Task.Run(queued.RunAsync));
                    break;
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        group.ThrowIfFailed(cancellationToken);
    }

    /// <summary>Operation <c>i</c> starts after a pause of <c>10 × i</c> ms; the pauses are made by handing <c>Task.Delay</c> over as a method group.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation has.</returns>
    public static async Task RunStaggeredAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        cancellationToken.ThrowIfCancellationRequested();
        using var group = new OperationGroup(cancellationToken);
        var pauses = Enumerable.Range(0, operations.Count).Select(i => 10 * i).Select(Task.Delay);
        var running = operations.Zip(pauses, async (operation, pause) =>
        {
            await pause.ConfigureAwait(false);
            await group.RunAsync(operation).ConfigureAwait(false);
        });
        await Task.WhenAll(running).ConfigureAwait(false);
        group.ThrowIfFailed(cancellationToken);
    }

    private static Task RunQueued(object? state) => ((QueuedOperation)state!).RunAsync();
}
