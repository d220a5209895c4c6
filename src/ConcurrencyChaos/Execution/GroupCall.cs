using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// One call of a group's delegate, in one object: it records the group's start, its token's cancellation (it is the
/// state of that registration) and its end, and it is the notice of the pattern's task, which completes the proxy the
/// parent gets.
/// </summary>
internal sealed class GroupCall(TraceRecorder recorder, string id) : CompletionNotice
{
    private static readonly Action<object?, CancellationToken> TokenFired = static (state, _) => ((GroupCall)state!).TokenCancelled();

    private CancellationTokenRegistration _registration;
    private TaskCompletionSource? _proxy;

    /// <summary>
    /// Makes the task the parent gets for a pattern task that has not completed: it completes only after the end is
    /// recorded, since a pattern task with asynchronous continuations (a TaskGroup's) could otherwise let the parent end first.
    /// </summary>
    public Task ProxyAsync()
    {
        var proxy = new TaskCompletionSource();
        _proxy = proxy;
        return proxy.Task;
    }

    /// <summary>Records the start, and the cancellation of <paramref name="token"/> whenever it comes.</summary>
    public void Start(CancellationToken token)
    {
        recorder.Started(id);
        if (!token.IsCancellationRequested)
        {
            _registration = token.UnsafeRegister(TokenFired, this);
        }

        if (token.IsCancellationRequested)
        {
            recorder.TokenCancelled(id);
        }
    }

    /// <summary>The pattern threw <paramref name="e"/> instead of returning a task.</summary>
    public void Threw(Exception e)
    {
        _registration.Unregister();
        recorder.Ended(id, NodeOutcome.Faulted, e.GetType().Name);
    }

    /// <summary>Records the end of the pattern's completed task.</summary>
    public void Record(Task task)
    {
        _registration.Unregister();
        recorder.Ended(id, Outcomes.Of(task), task.IsFaulted ? Outcomes.FirstFault(task).GetType().Name : null);
    }

    protected override void Ended(Task task)
    {
        Record(task);
        _proxy!.SetFromTask(task); // every exception, or canceled with the same token; never throws
    }

    private void TokenCancelled() => recorder.TokenCancelled(id);
}
