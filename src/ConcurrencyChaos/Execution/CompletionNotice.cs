namespace ConcurrencyChaos.Execution;

/// <summary>
/// One notice of <see cref="CompletionNotices"/>: the task, what to do when it completes, and whether that was done,
/// in one object that is also the state of its continuation. Delivered once, by whichever comes first: the check after
/// the step in which the task completed, or its continuation.
/// </summary>
internal sealed class CompletionNotice(CompletionNotices notices, Task task, Action<Task> ended)
{
    private int _delivered;

    public CompletionNotices Notices => notices;

    /// <summary>Whether the task has completed (its notice may not have been delivered yet).</summary>
    public bool TaskCompleted => task.IsCompleted;

    /// <summary>Runs the action, unless it already ran.</summary>
    public void Deliver()
    {
        if (Interlocked.Exchange(ref _delivered, 1) == 0)
        {
            ended(task);
        }
    }
}
