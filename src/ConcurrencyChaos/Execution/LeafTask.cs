using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// A leaf of the tree as real async code: virtual work, then its outcome; on cancellation, cleanup
/// then its cancel behaviour. Its <c>Ended</c> event is recorded before its task completes, so it
/// always precedes anything that continues from the task.
/// </summary>
/// <remarks>
/// Built for speed (exceptions dominated run time): a leaf is one object that is its own task source,
/// timer callback and token callback. It never throws to end: a faulted leaf completes its task with a
/// real, tagged exception (<see cref="InjectedError.CreateException"/>), a canceled one completes canceled
/// with its token. Only <see cref="LeafEnd.ThrowSync"/> throws, because throwing out of the delegate is
/// what it stands for. Interleaving points match an <c>async</c> leaf that awaits
/// <c>Task.Delay(d, time, token)</c> on the caller's context: the end of its work is one step of its own
/// (the timer firing, resumed as if on the captured context), and a cancellation is noticed in a
/// later step (posted to the captured context), never inline in <c>Cancel()</c>. A leaf that waits on an outer
/// token (<see cref="Leaf.OuterToken"/>) acts on that token the same way, ends canceled with it, and only records
/// when the token it was given is cancelled.
/// </remarks>
internal sealed class LeafTask : TaskCompletionSource
{
    private static readonly TimerCallback WorkDone = static state => ((LeafTask)state!).OnTimer(cancelled: false);
    private static readonly TimerCallback CleanupDone = static state => ((LeafTask)state!).OnCleanupDone();
    private static readonly Action<object?, CancellationToken> TokenFired = static (state, _) => ((LeafTask)state!).OnToken(record: true);
    private static readonly Action<object?, CancellationToken> WatchedFired = static (state, _) => ((LeafTask)state!).OnToken(record: false);
    private static readonly Action<object?, CancellationToken> GivenFired = static (state, _) => ((LeafTask)state!).RecordCancelled();
    private static readonly SendOrPostCallback Resume = static state => ((LeafTask)state!).OnTimer(cancelled: true);
    private static readonly WaitCallback ResumeOnPool = static state => ((LeafTask)state!).OnTimer(cancelled: true);

    private readonly string _id;
    private readonly Leaf _leaf;
    private readonly TraceRecorder _recorder;
    private readonly TimeProvider _time;
    /// <summary>The token the leaf acts on: the one it was given, or an outer one.</summary>
    private readonly CancellationToken _token;
    private readonly SynchronizationContext? _context;
    private CancellationTokenRegistration _registration;

    /// <summary>Records the given token's cancellation, for a leaf that acts on an outer token.</summary>
    private CancellationTokenRegistration _givenRegistration;
    private ITimer? _timer;

    /// <summary>0 while working; 1 once the work phase is over (timer fired or cancellation noticed).</summary>
    private int _workOver;

    private LeafTask(string id, Leaf leaf, TraceRecorder recorder, TimeProvider time, CancellationToken token)
    {
        _id = id;
        _leaf = leaf;
        _recorder = recorder;
        _time = time;
        _token = token;
        _context = SynchronizationContext.Current;
    }

    /// <summary>The leaf as a child delegate; <paramref name="outer"/> gives the outer token it waits on, if it waits on one.</summary>
    public static Func<CancellationToken, Task> Create(string id, Leaf leaf, TraceRecorder recorder, TimeProvider time, Func<CancellationToken>? outer = null) =>
        outer is null
            ? token => StartAsync(id, leaf, recorder, time, token, token)
            : token => StartAsync(id, leaf, recorder, time, token, outer());

    private static Task StartAsync(string id, Leaf leaf, TraceRecorder recorder, TimeProvider time, CancellationToken given, CancellationToken watched)
    {
        recorder.Started(id);
        var givenCancelled = given.IsCancellationRequested;
        if (givenCancelled)
        {
            recorder.TokenCancelled(id);
        }

        if (leaf.Then == LeafEnd.ThrowSync)
        {
            throw Fault(id, leaf.Error, ErrorOrigin.ThrowSync, recorder);
        }

        var task = new LeafTask(id, leaf, recorder, time, watched);
        var alreadyCancelled = watched.IsCancellationRequested;
        if (watched == given)
        {
            if (!alreadyCancelled && given.CanBeCanceled)
            {
                task._registration = given.UnsafeRegister(TokenFired, task);
            }
        }
        else
        {
            if (!givenCancelled && given.CanBeCanceled)
            {
                task._givenRegistration = given.UnsafeRegister(GivenFired, task);
            }

            if (!alreadyCancelled && watched.CanBeCanceled)
            {
                task._registration = watched.UnsafeRegister(WatchedFired, task);
            }
        }

        task.Work(alreadyCancelled);
        return task.Task;
    }

    private void Work(bool alreadyCancelled)
    {
        if (_leaf.OnCancel == CancelBehavior.Ignore)
        {
            if (_leaf.Work <= 0)
            {
                AfterWork(cancelled: false);
            }
            else
            {
                _timer = _time.CreateTimer(WorkDone, this, Ms(_leaf.Work), Timeout.InfiniteTimeSpan);
            }

            return;
        }

        // As Task.Delay(d, time, token): an already-cancelled token wins over a zero delay.
        if (alreadyCancelled)
        {
            _workOver = 1;
            AfterWork(cancelled: true);
        }
        else if (_leaf.Then != LeafEnd.Hang && _leaf.Work <= 0)
        {
            _workOver = 1;
            AfterWork(cancelled: false);
        }
        else if (_leaf.Then != LeafEnd.Hang)
        {
            var timer = _time.CreateTimer(WorkDone, this, Ms(_leaf.Work), Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _timer, timer);
            if (Volatile.Read(ref _workOver) != 0)
            {
                timer.Dispose(); // cancelled (on another thread) while the timer was being made
            }
        }
    }

    /// <summary>The given token was cancelled, and the leaf acts on another one: only record it.</summary>
    private void RecordCancelled() => _recorder.TokenCancelled(_id);

    /// <summary>The token the leaf acts on was cancelled (inline in someone's Cancel()): notice it in a later step, like an awaited Task.Delay.</summary>
    private void OnToken(bool record)
    {
        if (record)
        {
            _recorder.TokenCancelled(_id);
        }

        if (_leaf.OnCancel == CancelBehavior.Ignore || Interlocked.Exchange(ref _workOver, 1) != 0)
        {
            return;
        }

        Volatile.Read(ref _timer)?.Dispose();
        if (_context is { } context)
        {
#pragma warning disable VSTHRD001 // posting to the captured context is exactly what the await this stands for does
            context.Post(Resume, this);
#pragma warning restore VSTHRD001
        }
        else
        {
            ThreadPool.QueueUserWorkItem(ResumeOnPool, this); // flows the run's ExecutionContext, as the await it stands for does, so the safety net sees it
        }
    }

    /// <summary>The work timer fired (<paramref name="cancelled"/> false) or a noticed cancellation resumes (true).</summary>
    private void OnTimer(bool cancelled)
    {
        if (!cancelled && _leaf.OnCancel != CancelBehavior.Ignore && Interlocked.Exchange(ref _workOver, 1) != 0)
        {
            return; // cancellation got there first
        }

        OnContext(cancelled, static (leaf, cancelled) => leaf.AfterWork(cancelled));
    }

    private void OnCleanupDone() => OnContext(true, static (leaf, _) =>
    {
        leaf._recorder.Resumed(leaf._id);
        leaf.End(cancelled: true);
    });

    /// <summary>Runs <paramref name="action"/> as an await would resume: on the context the leaf started on.</summary>
    private void OnContext(bool cancelled, Action<LeafTask, bool> action)
    {
        using var instant = _recorder.Pin();
        var previous = SynchronizationContext.Current;
        if (previous == _context)
        {
            action(this, cancelled);
            return;
        }

        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            action(this, cancelled);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void AfterWork(bool cancelled)
    {
        _recorder.Resumed(_id);
        if (cancelled && _leaf.Cleanup > 0)
        {
            _timer = _time.CreateTimer(CleanupDone, this, Ms(_leaf.Cleanup), Timeout.InfiniteTimeSpan);
            return;
        }

        End(cancelled);
    }

    private void End(bool cancelled)
    {
        _registration.Unregister();
        _givenRegistration.Unregister();
        if (cancelled)
        {
            switch (_leaf.OnCancel)
            {
                case CancelBehavior.Swallow:
                    _recorder.Ended(_id, NodeOutcome.RanToCompletion);
                    SetResult();
                    return;
                case CancelBehavior.Fail:
                    SetException(Fault(_id, _leaf.CleanupError, ErrorOrigin.Cleanup, _recorder));
                    return;
                default:
                    _recorder.Ended(_id, NodeOutcome.Canceled);
                    SetCanceled(_token);
                    return;
            }
        }

        if (_leaf.Then == LeafEnd.Fail)
        {
            SetException(Fault(_id, _leaf.Error, ErrorOrigin.Fail, _recorder));
            return;
        }

        _recorder.Ended(_id, NodeOutcome.RanToCompletion);
        SetResult();
    }

    /// <summary>Records that leaf <paramref name="id"/> threw and faulted, and returns the tagged exception to throw.</summary>
    internal static Exception Fault(string id, ErrorKind kind, ErrorOrigin origin, TraceRecorder recorder)
    {
        var error = new InjectedError(id, kind, origin);
        recorder.Threw(id, error);
        recorder.Ended(id, NodeOutcome.Faulted, kind.ToString());
        return error.CreateException();
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);
}
