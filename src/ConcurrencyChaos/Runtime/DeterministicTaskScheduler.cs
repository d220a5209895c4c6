
namespace ConcurrencyChaos.Runtime;

/// <summary>
/// The runtime's TaskScheduler, for code that schedules tasks explicitly
/// (<c>Task.Factory.StartNew(..., scheduler)</c>, <c>ParallelOptions.TaskScheduler</c>): its tasks join
/// the same seeded ready list as posted continuations.
/// </summary>
internal sealed class DeterministicTaskScheduler(DeterministicRuntime runtime) : TaskScheduler
{
    public override int MaximumConcurrencyLevel => 1;

    internal void Execute(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => runtime.Enqueue(WorkItem.Queue(task));

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && runtime.OnRuntimeThread && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
