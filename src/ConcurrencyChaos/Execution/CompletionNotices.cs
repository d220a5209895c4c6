using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// Tells the runner the moment a node's or the root's task completes, before any continuation registered
/// later, so the trace records every end where it truly happened; and knows whether a notice is still owed,
/// because a run is not finished while one is.
/// </summary>
internal sealed class CompletionNotices(RunHost host)
{
    private readonly RunHost _host = host;
    private readonly List<CompletionNotice> _open = [];
    private int _pending;

    /// <summary>Whether every notice registered by <see cref="OnCompleted(Task, CompletionNotice)"/> has been delivered by its continuation.</summary>
    public bool AllDelivered => Volatile.Read(ref _pending) == 0;

    /// <summary>
    /// Delivers <paramref name="notice"/> the moment <paramref name="task"/> completes, before any
    /// continuation registered later; on the host's own scheduler, so a task that forces its
    /// continuations asynchronous (RunContinuationsAsynchronously) queues it on the runtime, never the pool.
    /// </summary>
    public void OnCompleted(Task task, CompletionNotice notice)
    {
        notice.Watch(this, task);
        if (task.IsCompleted)
        {
            notice.Deliver();
            return;
        }

        // A task may complete without running its continuations yet (RunContinuationsAsynchronously):
        // it is noticed after the step in which it completed, so the trace has the true end. The
        // continuation covers completion outside a step (on another thread). Whichever comes first wins;
        // the run is not finished until the continuation has run too, because when the task completed on
        // another thread, its arrival is what reports that escape.
        if (_host.IsControlled)
        {
            _open.Add(notice);
        }

        Interlocked.Increment(ref _pending);
        _ = task.ContinueWith(
            static (_, state) =>
            {
                var notice = (CompletionNotice)state!;
                notice.Deliver();
                Interlocked.Decrement(ref notice.Notices._pending);
                notice.Notices._host.Changed();
            },
            notice,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            _host.Scheduler);
    }

    /// <summary>After every controlled step: delivers the notices of tasks that completed in it.</summary>
    public void NoticeEnded()
    {
        for (var i = 0; i < _open.Count; i++)
        {
            if (_open[i].TaskCompleted)
            {
                var notice = _open[i];
                _open.RemoveAt(i--);
                notice.Deliver();
            }
        }
    }
}
