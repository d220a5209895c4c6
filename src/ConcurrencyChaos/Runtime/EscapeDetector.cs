using System.Diagnostics;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Notices work of a <see cref="DeterministicRuntime"/> run that escaped its thread (thread pool, real
/// timers) and reports it, never trusting it: code that touches the runtime from another thread, and
/// continuations posted back from one, which wait in an inbox until the runtime thread takes them. When
/// the runtime is idle it decides whether escaped work may still come back, and waits for it, boundedly.
/// </summary>
/// <remarks>
/// The safety net counts this run's work elsewhere — not the process's — from the moment it leaves: the
/// <see cref="PoolWatch"/> reports each pool item the run queues when it is queued and when a pool thread takes it, and
/// the run's <see cref="RuntimeHook"/> reports when another thread starts and stops running the run's ExecutionContext.
/// <see cref="Settle"/> keeps the runtime from judging, advancing virtual time or declaring a deadlock until none of it
/// is queued, taken or running (within <c>grace</c> of real time), so even the first escape of a run, queued but not yet
/// started when the runtime goes idle, is waited for. The stack where the work arrived names what took it there
/// (<see cref="EscapeSource"/>). Where the pool's events do not arrive, a short probe of process-wide counters stands in.
/// </remarks>
internal sealed class EscapeDetector(RunHost host, TimeSpan grace)
{
    /// <summary>Real time a process-wide counter alone buys: enough for a pool item already queued to post back.</summary>
    private const int ProbeMs = 25;

    /// <summary>
    /// Real time the pool's queues must stay empty before items of this run no pool thread took are no longer waited for
    /// (<see cref="DropItemsNoLongerQueued"/>): a taken item's dequeue event follows within microseconds.
    /// </summary>
    private const int LeftQueuesMs = 100;

    /// <summary>How many arrivals on other threads are read for their cause: the first few say it all.</summary>
    private const int ArrivalsNamed = 8;

    private readonly Queue<WorkItem> _inbox = new();
    private readonly List<string> _arrivals = [];
    private int _threadId = -1;
    private int _foreignRunning;
    private int _poolQueued;
    private int _poolTaken;
    private bool _exact;
    private int _arrivalsSeen;
    private bool _arrivalsReported;
    private bool _gaveUpWaiting;
    private string? _userFrame;
    private long _timerBaseline;
    private long _poolBaseline;
    private volatile bool _sawForeign;

    /// <summary>Whether the caller is on the thread running the runtime.</summary>
    public bool OnRuntimeThread => Environment.CurrentManagedThreadId == _threadId;

    /// <summary>The current thread runs the runtime from now on; real timers and pool work counted now are not this run's.</summary>
    public void Start()
    {
        _threadId = Environment.CurrentManagedThreadId;
        _timerBaseline = Timer.ActiveCount;
        _poolBaseline = ThreadPool.CompletedWorkItemCount;
        _exact = PoolWatch.Ensure();
    }

    /// <summary>The run is over: code touching the runtime now is no longer reported as foreign.</summary>
    public void Stop()
    {
        _threadId = -1;
        Interlocked.Add(ref _poolQueued, -PoolWatch.Forget(this));
    }

    /// <summary>Work of this run was queued to the thread pool (called on the queuing thread by <see cref="PoolWatch"/>).</summary>
    public void PoolItemQueued() => Interlocked.Increment(ref _poolQueued);

    /// <summary>A pool thread took an item this run queued; it has not started running the run's context yet.</summary>
    public void PoolItemTaken()
    {
        Interlocked.Increment(ref _poolTaken);
        Interlocked.Decrement(ref _poolQueued);
    }

    /// <summary>The pool thread that took an item of this run finished it without running the run's context (the item carried none, or another).</summary>
    public void PoolItemNeverStarted()
    {
        Interlocked.Decrement(ref _poolTaken);
        PulseIfIdle();
    }

    /// <summary>Whether work of this run is queued to the pool, taken by a pool thread, or running on another thread.</summary>
    private bool Busy => Volatile.Read(ref _foreignRunning) > 0 || Volatile.Read(ref _poolQueued) > 0 || Volatile.Read(ref _poolTaken) > 0;

    private void PulseIfIdle()
    {
        if (!Busy)
        {
            lock (_inbox)
            {
                Monitor.PulseAll(_inbox);
            }
        }
    }

    /// <summary>Reports, once per run and node, code that touches the runtime from a thread other than its own.</summary>
    public void NoteForeignThread(string where)
    {
        if (!OnRuntimeThread && _threadId != -1)
        {
            _sawForeign = true;
            _userFrame ??= EscapeSource.UserFrame(new StackTrace(1, false));
            host.Report(DiagnosticKind.ThreadPool, host.CurrentNode, $"{where} ran on another thread than the runtime's{Cause()}");
        }
    }

    /// <summary>As <see cref="NoteForeignThread"/> for code of node <paramref name="nodeId"/>; builds no text on the runtime thread.</summary>
    public void NoteForeignNode(string nodeId)
    {
        if (!OnRuntimeThread && _threadId != -1)
        {
            NoteForeignThread("node " + nodeId);
        }
    }

    /// <summary>Work posted from another thread: reported, then kept until the runtime thread takes it in <see cref="TakeInbox"/>.</summary>
    public void PostFromForeignThread(WorkItem item)
    {
        _sawForeign = true;
        _userFrame ??= EscapeSource.UserFrame(new StackTrace(1, false));
        host.Report(DiagnosticKind.ThreadPool, host.CurrentNode, $"a continuation was posted back to the runtime from another thread{Cause()}");
        lock (_inbox)
        {
            _inbox.Enqueue(item);
            Monitor.PulseAll(_inbox);
        }
    }

    /// <summary>Another thread started running this run's ExecutionContext (called on that thread by the <see cref="RuntimeHook"/>).</summary>
    public void ForeignThreadEntered()
    {
        Interlocked.Increment(ref _foreignRunning);
        if (PoolWatch.Started(this))
        {
            Interlocked.Decrement(ref _poolTaken);
        }

        _sawForeign = true;
        if (Interlocked.Increment(ref _arrivalsSeen) <= ArrivalsNamed)
        {
            var arrival = EscapeSource.Arrival(new StackTrace(1, false));
            lock (_arrivals)
            {
                if (!_arrivals.Contains(arrival))
                {
                    _arrivals.Add(arrival);
                }
            }
        }
    }

    /// <summary>That thread stopped running it.</summary>
    public void ForeignThreadLeft()
    {
        Interlocked.Decrement(ref _foreignRunning);
        PulseIfIdle();
    }

    /// <summary>
    /// Called whenever nothing is ready, before the runtime judges, advances time or declares a deadlock: waits
    /// (up to the grace) until no work of this run is queued to the pool, taken by a pool thread or executing on another
    /// thread, reports where the escaped work came from, then moves what it posted back to <paramref name="ready"/>.
    /// Returns false, at the cost of two reads, for a run that never escaped.
    /// </summary>
    public bool Settle(ISchedulingStrategy ready)
    {
        if (!_sawForeign && !Busy)
        {
            return false; // nothing was ever posted from another thread: it sets _sawForeign before it posts
        }

        WaitForQuiescence();
        ReportArrivals();
        return TakeInbox(ready);
    }

    private void WaitForQuiescence()
    {
        var started = Environment.TickCount64;
        var wait = _gaveUpWaiting ? ProbeMs : grace.TotalMilliseconds;
        long? queuesEmptySince = null;
        lock (_inbox)
        {
            while (Busy || (!_exact && ThreadPool.PendingWorkItemCount > 0 && Environment.TickCount64 - started < ProbeMs))
            {
                DropItemsNoLongerQueued(ref queuesEmptySince);
                var left = started + (long)wait - Environment.TickCount64;
                if (left <= 0)
                {
                    _gaveUpWaiting = true;
                    var ended = $"when the runtime's grace of {grace.TotalSeconds:0.###} s of real time ended";
                    var what = Volatile.Read(ref _foreignRunning) == 0 && Volatile.Read(ref _poolQueued) > 0
                        ? $"work this run queued to the thread pool had not started {ended} (RunOptions.ForeignWorkGrace; a pool busy with other work of the process starts it late)"
                        : $"work of this run was still running on another thread {ended} (RunOptions.ForeignWorkGrace)";
                    host.Report(DiagnosticKind.UnfinishedEscape, null, what + Cause());
                    return;
                }

                Monitor.Wait(_inbox, TimeSpan.FromMilliseconds(Math.Min(left, 1)));
            }
        }
    }

    /// <summary>
    /// Items this run queued that no pool thread took, while the pool's queues stay empty, left them another way: a
    /// thread waiting for a task ran it inline from its own queue, which writes no dequeue event. After
    /// <see cref="LeftQueuesMs"/> of empty queues, they are no longer waited for.
    /// </summary>
    private void DropItemsNoLongerQueued(ref long? queuesEmptySince)
    {
        if (Volatile.Read(ref _poolQueued) == 0 || Volatile.Read(ref _foreignRunning) > 0 || ThreadPool.PendingWorkItemCount > 0)
        {
            queuesEmptySince = null;
            return;
        }

        queuesEmptySince ??= Environment.TickCount64;
        if (Environment.TickCount64 - queuesEmptySince.Value >= LeftQueuesMs)
        {
            Interlocked.Add(ref _poolQueued, -PoolWatch.Forget(this));
            queuesEmptySince = null;
        }
    }

    private void ReportArrivals()
    {
        if (_arrivalsReported)
        {
            return;
        }

        lock (_arrivals)
        {
            if (_arrivals.Count == 0)
            {
                return;
            }

            _arrivalsReported = true;
            host.Report(DiagnosticKind.ThreadPool, null, $"work of this run ran on another thread{Cause()}");
        }
    }

    /// <summary>", through X; from user code Y" when known.</summary>
    private string Cause()
    {
        string[] arrivals;
        lock (_arrivals)
        {
            arrivals = [.. _arrivals];
        }

        var through = arrivals.Length == 0 ? "" : $", through {string.Join("; ", arrivals)}";
        var from = _userFrame is null ? "" : $"; user code on that thread: {_userFrame}";
        return through.Length + from.Length == 0 ? "; likely cause: Task.Run, ConfigureAwait(false) or a continuation on the thread pool" : through + from;
    }

    /// <summary>Moves work posted from other threads to <paramref name="ready"/>; false when there was none.</summary>
    private bool TakeInbox(ISchedulingStrategy ready)
    {
        lock (_inbox)
        {
            if (_inbox.Count == 0)
            {
                return false;
            }

            while (_inbox.TryDequeue(out var item))
            {
                ready.Add(item);
            }

            return true;
        }
    }

    /// <summary>
    /// Called when nothing is ready and no virtual timer is pending. Returns true when escaped work has
    /// come back (in the inbox) or set a virtual timer on <paramref name="clock"/>; false when the run is
    /// deadlocked, after reporting a real timer that is still pending as a hint.
    /// </summary>
    public bool WaitForForeignWork(VirtualTimeProvider clock)
    {
        // Only wait when there is evidence of escaped work; a plain deadlock must not cost real time.
        // The timer count is process-wide, and so are the pool's where its events do not arrive: they
        // only buy a short probe. Once escaped code has touched this runtime, it gets the full grace.
        var realTimers = Timer.ActiveCount > _timerBaseline;
        var poolQueued = !_exact && ThreadPool.PendingWorkItemCount > 0;
        var poolActive = poolQueued || (!_exact && ThreadPool.CompletedWorkItemCount != _poolBaseline);
        if (!_sawForeign && !realTimers && !poolActive)
        {
            return false;
        }

        var started = Environment.TickCount64;
        lock (_inbox)
        {
            while (_inbox.Count == 0)
            {
                if (clock.NextDue() is not null)
                {
                    return true; // escaped code set a virtual timer: time can move again
                }

                var wait = _sawForeign || (poolQueued && ThreadPool.PendingWorkItemCount > 0)
                    ? grace.TotalMilliseconds
                    : Math.Min(ProbeMs, grace.TotalMilliseconds);
                var left = started + (long)wait - Environment.TickCount64;
                if (left <= 0)
                {
                    break;
                }

                Monitor.Wait(_inbox, TimeSpan.FromMilliseconds(Math.Min(left, 5)));
            }

            if (_inbox.Count > 0)
            {
                return true; // PostFromForeignThread has reported the foreign post
            }
        }

        if (realTimers)
        {
            host.Report(DiagnosticKind.RealTimer, null, "nothing was left to run while a real timer was pending; likely Task.Delay(int), a Timer, or CancelAfter without the runtime's TimeProvider (this check is process-wide: a hint, not proof)", hint: true);
        }

        return false;
    }
}
