using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos.Patterns;

/// <summary>
/// A <see cref="TaskScheduler"/> that runs its tasks by posting them to a
/// <see cref="SynchronizationContext"/>, without capping the concurrency level.
/// </summary>
/// <remarks>
/// <see cref="TaskScheduler.FromCurrentSynchronizationContext"/> reports a
/// <see cref="TaskScheduler.MaximumConcurrencyLevel"/> of 1, and <c>Parallel.ForEachAsync</c> clamps its
/// degree of parallelism to that, so it would run the children one at a time. Tasks posted to a
/// single-threaded context interleave rather than run in parallel, so a higher level is honest here;
/// this scheduler lets <c>parallel-foreach</c> keep its degree of 4 while every worker stays on the
/// caller's context.
/// </remarks>
internal sealed class SynchronizationContextPostingScheduler : TaskScheduler
{
    private readonly SynchronizationContext _context;

    /// <summary>Creates a scheduler posting to <paramref name="context"/>.</summary>
    /// <param name="context">The context that runs the tasks.</param>
    public SynchronizationContextPostingScheduler(SynchronizationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => int.MaxValue;

    /// <inheritdoc />
    [SuppressMessage(
        "Usage",
        "VSTHRD001:Avoid legacy thread switching APIs",
        Justification = "There is no JoinableTaskFactory here: posting to the caller's context (the deterministic runtime's) is this scheduler's purpose.")]
    protected override void QueueTask(Task task) =>
        _context.Post(static state =>
        {
            var (scheduler, queued) = ((SynchronizationContextPostingScheduler, Task))state!;
            scheduler.TryExecuteTask(queued);
        }, (this, task));

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        SynchronizationContext.Current == _context && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
