using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// A leaf of the tree as real async code: virtual work, then its outcome; on cancellation, cleanup
/// then its cancel behaviour. Its <c>Ended</c> event is recorded before its task completes, so it
/// always precedes anything that continues from the task. Waits never throw (SuppressThrowing): a
/// leaf throws only what it means to throw.
/// </summary>
internal static class LeafTask
{
    private const ConfigureAwaitOptions Quietly = ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing;

    public static Func<CancellationToken, Task> Create(string id, Leaf leaf, TraceRecorder recorder, TimeProvider time) => token =>
    {
        recorder.Started(id);
        var registration = token.IsCancellationRequested
            ? default
            : token.UnsafeRegister(static (state, _) => ((Action)state!)(), (Action)(() => recorder.TokenCancelled(id)));
        if (token.IsCancellationRequested)
        {
            recorder.TokenCancelled(id);
        }

        if (leaf.Then == LeafEnd.ThrowSync)
        {
            registration.Unregister();
            throw Throw(id, leaf.Error, ErrorOrigin.ThrowSync, recorder);
        }

        return RunAsync(id, leaf, token, registration, recorder, time);
    };

    private static async Task RunAsync(string id, Leaf leaf, CancellationToken token, CancellationTokenRegistration registration, TraceRecorder recorder, TimeProvider time)
    {
        bool cancelled;
        if (leaf.OnCancel == CancelBehavior.Ignore)
        {
            await Task.Delay(Ms(leaf.Work), time, CancellationToken.None).ConfigureAwait(Quietly);
            cancelled = false;
        }
        else
        {
            var work = Task.Delay(leaf.Then == LeafEnd.Hang ? Timeout.InfiniteTimeSpan : Ms(leaf.Work), time, token);
            await work.ConfigureAwait(Quietly);
            cancelled = work.IsCanceled;
        }

        recorder.Resumed(id);
        if (cancelled)
        {
            if (leaf.Cleanup > 0)
            {
                await Task.Delay(Ms(leaf.Cleanup), time, CancellationToken.None).ConfigureAwait(Quietly);
                recorder.Resumed(id);
            }

            registration.Unregister();
            switch (leaf.OnCancel)
            {
                case CancelBehavior.Swallow:
                    recorder.Ended(id, NodeOutcome.RanToCompletion);
                    return;
                case CancelBehavior.Fail:
                    throw Throw(id, leaf.CleanupError, ErrorOrigin.Cleanup, recorder);
                default:
                    recorder.Ended(id, NodeOutcome.Canceled);
                    throw new OperationCanceledException(token);
            }
        }

        registration.Unregister();
        if (leaf.Then == LeafEnd.Fail)
        {
            throw Throw(id, leaf.Error, ErrorOrigin.Fail, recorder);
        }

        recorder.Ended(id, NodeOutcome.RanToCompletion);
    }

    private static Exception Throw(string id, ErrorKind kind, ErrorOrigin origin, TraceRecorder recorder)
    {
        var error = new InjectedError(id, kind, origin);
        recorder.Threw(id, error);
        recorder.Ended(id, NodeOutcome.Faulted, kind.ToString());
        return error.CreateException();
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);
}
