
namespace ConcurrencyChaos.Runtime;

/// <summary>
/// The runtime's TaskScheduler, for code that schedules tasks explicitly
/// (<c>Task.Factory.StartNew(..., scheduler)</c>, <c>ParallelOptions.TaskScheduler</c>): its tasks join
/// the same seeded ready list as posted continuations.
/// </summary>
internal sealed class DeterministicTaskScheduler(DeterministicRuntime runtime) : TaskScheduler
{
    /// <summary>
    /// Unbounded: tasks interleave on one thread rather than run in parallel, so any level is honest, and 1 would
    /// make <c>Parallel.ForEachAsync</c> (given this scheduler by the shims) clamp its degree of parallelism to 1.
    /// </summary>
    public override int MaximumConcurrencyLevel => int.MaxValue;

    internal void Execute(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => runtime.Enqueue(WorkItem.Queue(task));

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && runtime.OnRuntimeThread && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
