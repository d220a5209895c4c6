using System.Diagnostics.Tracing;
using ConcurrencyChaos.Shims;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Sees a work item the moment it is queued to the thread pool and the moment a pool thread takes it, from .NET's own
/// <c>FrameworkEventSource</c>: its ThreadPoolEnqueueWork and ThreadPoolDequeueWork events reach an in-process listener
/// synchronously, on the queuing thread and on the pool thread just before it runs the item, and name the item by its
/// hash code. An item queued while a controlled run is current on the queuing thread is work of that run: its
/// <see cref="EscapeDetector"/> counts it from that instant until the pool thread that took it either starts running
/// the run's ExecutionContext (the <see cref="RuntimeHook"/>'s sensor) or is seen to have finished it without doing so.
/// The first escape of a run is then known when it happens, not when a pool thread gets round to it.
/// </summary>
/// <remarks>
/// <para>
/// Between taking an item and running it, a pool thread runs no code of the item, so "taken but not started" ends
/// exactly one of three ways: the thread starts running the run's context (the item carried it); the item ends without
/// any context (the <c>Unsafe</c> APIs, .NET's own background work), which the <see cref="TakenMark"/> set on the pool
/// thread for the length of that item tells; or the same thread takes its next item (the item carried another context).
/// Until then the run waits, at most its grace: an item of the second kind that runs long, or one of the third after
/// which its thread goes idle, holds the run that long. An item that a waiting thread ran inline from its own queue
/// leaves no dequeue event; <see cref="EscapeDetector"/> stops waiting for it once the pool's queues stay empty.
/// </para>
/// <para>
/// The mark is the only thing this adds to code that is not the run's: an item without a context sees it in its
/// otherwise empty ExecutionContext, and so does what that item queues.
/// </para>
/// <para>
/// The listener is process-wide and made once. <see cref="Ensure"/> checks that the events really arrive (they do on
/// CoreCLR's portable thread pool); where they do not, the runtime keeps its process-wide probe.
/// </para>
/// </remarks>
internal sealed class PoolWatch : EventListener
{
    private const string SourceName = "System.Diagnostics.Eventing.FrameworkEventSource";
    private const int EnqueueEvent = 30;
    private const int DequeueEvent = 31;

    /// <summary>The source's ThreadPool keyword: its enqueue and dequeue events and nothing else.</summary>
    private const EventKeywords ThreadPoolKeyword = (EventKeywords)0x2;

    private static readonly Lock Gate = new();

    /// <summary>Items queued by a run that no pool thread has taken yet, by hash code: the runs that queued one, oldest first.</summary>
    private static readonly Dictionary<long, List<EscapeDetector>> Queued = [];

    /// <summary>
    /// Set on a pool thread that took an item of a run, for the length of that item: if the item runs without an
    /// ExecutionContext, the pool's reset of the thread after it clears this, and the change says the item ended.
    /// </summary>
    private static readonly AsyncLocal<object?> TakenMark = new(OnTakenMarkChanged);

    private static readonly object Mark = new();

    private static PoolWatch? _instance;
    private static volatile bool _exact;
    private static int _queuedCount;

    /// <summary>The run whose item this pool thread took and has not yet seen start or end.</summary>
    [ThreadStatic]
    private static EscapeDetector? _taken;

    /// <summary>Set on a thread while it queues a probe item; the enqueue event then says it arrived.</summary>
    [ThreadStatic]
    private static bool _probing;

    [ThreadStatic]
    private static bool _probeSeen;

    private PoolWatch()
    {
    }

    /// <summary>
    /// Starts watching the pool, once per process; returns whether it is watched exactly. The first call may wait for the
    /// pool to run one item (the pool reads whether to write the events when a worker starts dispatching); a later call,
    /// while not yet exact, checks again without waiting.
    /// </summary>
    public static bool Ensure()
    {
        if (_exact)
        {
            return true;
        }

        lock (Gate)
        {
            if (_instance is null)
            {
                _instance = new PoolWatch();
                _exact = QueueProbe(wait: true);
            }
            else if (!_exact)
            {
                _exact = QueueProbe(wait: false);
            }
        }

        return _exact;
    }

    /// <summary>
    /// Called on a pool thread that started running <paramref name="run"/>'s context: true when that is the item it
    /// took from the queue (so the run stops counting it as taken), false for any other arrival.
    /// </summary>
    public static bool Started(EscapeDetector run)
    {
        if (_taken == run)
        {
            _taken = null;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Forgets the items <paramref name="run"/> queued that no pool thread has taken (the run is over, or they left the
    /// queues another way); returns how many.
    /// </summary>
    public static int Forget(EscapeDetector run)
    {
        if (Volatile.Read(ref _queuedCount) == 0)
        {
            return 0;
        }

        var forgotten = 0;
        lock (Gate)
        {
            foreach (var (id, runs) in Queued.ToList())
            {
                forgotten += runs.RemoveAll(queued => queued == run);
                if (runs.Count == 0)
                {
                    Queued.Remove(id);
                }
            }

            _queuedCount -= forgotten;
        }

        return forgotten;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Called from the base constructor for the sources that already exist: touches no field of this instance.
        if (eventSource.Name == SourceName)
        {
            EnableEvents(eventSource, EventLevel.Verbose, ThreadPoolKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // Runs inside the pool's enqueue and dispatch: never throws, never queues pool work, never blocks for long.
        try
        {
            switch (eventData.EventId)
            {
                case EnqueueEvent when eventData.Payload is [long id, ..]:
                    OnEnqueued(id);
                    break;
                case DequeueEvent when eventData.Payload is [long id, ..]:
                    OnDequeued(id);
                    break;
                default:
                    break;
            }
        }
        catch (Exception)
        {
            // A watcher must not take the pool down; the run's sensor still sees the work when it starts.
        }
    }

    private static void OnEnqueued(long id)
    {
        if (_probing)
        {
            _probeSeen = true;
            return;
        }

        if (ControlledRun.Current is not RuntimeHook { Escapes: var run })
        {
            return;
        }

        run.PoolItemQueued();
        lock (Gate)
        {
            if (Queued.TryGetValue(id, out var runs))
            {
                runs.Add(run);
            }
            else
            {
                Queued[id] = [run];
            }

            _queuedCount++;
        }
    }

    private static void OnDequeued(long id)
    {
        // The item this thread took before neither started its run's context nor ended without one: it carried another.
        if (_taken is { } previous)
        {
            _taken = null;
            previous.PoolItemNeverStarted();
        }

        if (Volatile.Read(ref _queuedCount) == 0)
        {
            return;
        }

        EscapeDetector run;
        lock (Gate)
        {
            if (!Queued.TryGetValue(id, out var runs))
            {
                return;
            }

            run = runs[0];
            runs.RemoveAt(0);
            if (runs.Count == 0)
            {
                Queued.Remove(id);
            }

            _queuedCount--;
        }

        _taken = run;
        run.PoolItemTaken();
        TakenMark.Value = Mark;
    }

    /// <summary>
    /// The mark left this pool thread's context. Running the run's context replaces it silently (the pool assumes a clean
    /// thread), so a change seen here is an item without a context ending (the pool resets the thread after it), or that
    /// item switching to a context itself: to the run's, whose arrival then accounts for it, or to another.
    /// </summary>
    private static void OnTakenMarkChanged(AsyncLocalValueChangedArgs<object?> change)
    {
        if (!change.ThreadContextChanged || change.PreviousValue is null || change.CurrentValue is not null || _taken is not { } run)
        {
            return;
        }

        if (ControlledRun.Current is RuntimeHook { Escapes: var entering } && entering == run)
        {
            return; // the run's sensor is told next, on this thread, and takes it from there
        }

        _taken = null;
        run.PoolItemNeverStarted();
    }

    /// <summary>
    /// Queues a no-op item and says whether its enqueue event arrived (synchronously, on this thread). If not and
    /// <paramref name="wait"/>, waits for the item to run, which makes the pool read the listener, and checks again.
    /// </summary>
    private static bool QueueProbe(bool wait)
    {
        var done = new ProbeDone();
        if (QueueSeen(done))
        {
            return true;
        }

        return wait && done.Wait(TimeSpan.FromSeconds(10)) && QueueSeen(new ProbeDone());
    }

    private static bool QueueSeen(ProbeDone done)
    {
        _probeSeen = false;
        _probing = true;
        try
        {
            ThreadPool.UnsafeQueueUserWorkItem(static d => d.Set(), done, preferLocal: false);
        }
        finally
        {
            _probing = false;
        }

        return _probeSeen;
    }

    /// <summary>Set by a probe item when it runs.</summary>
    private sealed class ProbeDone
    {
        private readonly object _gate = new();
        private bool _set;

        public void Set()
        {
            lock (_gate)
            {
                _set = true;
                Monitor.PulseAll(_gate);
            }
        }

        public bool Wait(TimeSpan timeout)
        {
            lock (_gate)
            {
                return _set || Monitor.Wait(_gate, timeout);
            }
        }
    }
}
