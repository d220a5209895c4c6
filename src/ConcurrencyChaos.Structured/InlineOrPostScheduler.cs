using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos;

/// <summary>
/// Where a <see cref="TaskGroup"/> handles its members' ends when it was started on a SynchronizationContext: inline
/// where possible, else posted to that context (never the thread pool), as <c>await</c> itself would resume.
/// </summary>
internal sealed class InlineOrPostScheduler(SynchronizationContext context) : TaskScheduler
{
    /// <summary>Gets the context it posts to.</summary>
    public SynchronizationContext Context => context;

    [SuppressMessage("Usage", "VSTHRD001:Avoid legacy thread switching APIs", Justification = "No JoinableTaskFactory here; posting to the captured context is what await itself does.")]
    protected override void QueueTask(Task task) =>
        context.Post(
            static state =>
            {
                var (scheduler, queued) = ((InlineOrPostScheduler, Task))state!;
                _ = scheduler.TryExecuteTask(queued);
            },
            (this, task));

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
