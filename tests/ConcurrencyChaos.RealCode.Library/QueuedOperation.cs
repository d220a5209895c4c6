namespace Contoso.FanOut;

/// <summary>One operation of a group as a thread-pool work item: <see cref="Execute"/> and <see cref="RunAsync"/> are handed over as method groups.</summary>
/// <param name="group">The group.</param>
/// <param name="operation">The operation.</param>
internal sealed class QueuedOperation(OperationGroup group, Work operation)
{
    private readonly TaskCompletionSource _ended = new();

    /// <summary>Gets a task that ends when <see cref="Execute"/>'s run of the operation has.</summary>
    public Task Ended => _ended.Task;

    /// <summary>A <see cref="WaitCallback"/>: runs the operation and ends <see cref="Ended"/>.</summary>
    public void Execute(object? state) => _ = RunAsync().ContinueWith(_ => _ended.SetResult(), TaskScheduler.Default);

    /// <summary>Runs the operation in the group.</summary>
    public Task RunAsync() => group.RunAsync(operation);
}
