namespace ConcurrencyChaos.Execution;

/// <summary>
/// One notice of <see cref="CompletionNotices"/>: the task, what to do when it completes, and whether that was done,
/// in one object that is also the state of its continuation. Delivered once, by whichever comes first: the check after
/// the step in which the task completed, or its continuation. A subclass that is already made for its node (a
/// <see cref="GroupCall"/>) is its own notice, so a group's end costs no extra object and delegate.
/// </summary>
internal abstract class CompletionNotice
{
    private int _delivered;
    private Task? _task;
    private CompletionNotices? _notices;

    public CompletionNotices Notices => _notices!;

    /// <summary>Whether the task has completed (its notice may not have been delivered yet).</summary>
    public bool TaskCompleted => _task!.IsCompleted;

    /// <summary>Runs <see cref="Ended"/>, unless it already ran.</summary>
    public void Deliver()
    {
        if (Interlocked.Exchange(ref _delivered, 1) == 0)
        {
            Ended(_task!);
        }
    }

    /// <summary>Called by <see cref="CompletionNotices"/> before the notice is registered: what it notices the end of.</summary>
    internal void Watch(CompletionNotices notices, Task task)
    {
        _notices = notices;
        _task = task;
    }

    /// <summary>What to do once <paramref name="task"/> has completed.</summary>
    protected abstract void Ended(Task task);
}
