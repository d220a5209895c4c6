using System.Runtime.ExceptionServices;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// A single-threaded, seeded, virtual-time runtime (after Trio's MockClock and madsim). One thread
/// runs everything: each step picks one ready item — a posted continuation, a queued task, or a
/// timer due now — at random from a seeded generator, so same-instant events are explored in every
/// order and the same seed always gives the same order. When nothing is ready, virtual time jumps
/// to the next timer. Work that escapes to other threads is noticed and reported, never trusted.
/// </summary>
internal sealed class DeterministicRuntime : RunHost
{
    private readonly List<WorkItem> _ready = [];
    private readonly Queue<WorkItem> _inbox = new();
    private readonly RunOptions _options;
    private readonly long _maxTicks;
    private SplitMix64 _random;
    private int _threadId = -1;
    private const int ProbeMs = 25;
    private long _timerBaseline;
    private long _poolBaseline;
    private volatile bool _sawForeign;
    private RunStatus? _abort;
    private long _step;

    public DeterministicRuntime(int seed, RunOptions options, TimeSpan maxVirtualTime)
    {
        _options = options;
        _maxTicks = maxVirtualTime.Ticks;
        _random = new SplitMix64(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 1));
        Time = new VirtualTimeProvider(this);
        Context = new DeterministicSynchronizationContext(this);
        TaskScheduler = new DeterministicTaskScheduler(this);
    }

    public VirtualTimeProvider Time { get; }

    public DeterministicSynchronizationContext Context { get; }

    public DeterministicTaskScheduler TaskScheduler { get; }

    public override TimeProvider Clock => Time;

    public override long NowMs => Time.NowMs;

    public override bool IsControlled => true;

    public override System.Threading.Tasks.TaskScheduler Scheduler => TaskScheduler;

    /// <summary>Steps taken so far. Read from other threads by the watchdog.</summary>
    public override long Step => Volatile.Read(ref _step);

    /// <summary>Controlled events carry the step in which they happen.</summary>
    public override long EventStep() => _step;

    public bool OnRuntimeThread => Environment.CurrentManagedThreadId == _threadId;

    /// <summary>Whether the runtime thread is in code under test (where a blocking wait is a bug) rather than the runtime's own.</summary>
    public bool InCodeUnderTest { get; private set; }

    /// <summary>
    /// Runs <paramref name="start"/> as the first step, then steps until <paramref name="finished"/>
    /// says so, nothing is left to run, or a budget runs out. Returns why it stopped; "nothing left"
    /// is <see cref="RunStatus.Deadlocked"/>, which the caller refines.
    /// </summary>
    public override RunStatus Run(Action start, Func<bool> finished)
    {
        _threadId = Environment.CurrentManagedThreadId;
        _timerBaseline = Timer.ActiveCount;
        _poolBaseline = ThreadPool.CompletedWorkItemCount;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Context);
        try
        {
            _ready.Add(WorkItem.Post(_ => start(), null));
            while (true)
            {
                if (_abort is { } aborted)
                {
                    return aborted;
                }

                // Work already queued in this instant still runs (an async void method's exception is
                // posted when the last node ends); time is never advanced once the run has finished.
                if (finished() && _ready.Count == 0)
                {
                    return RunStatus.Completed;
                }

                if (_ready.Count > 0)
                {
                    if (_step >= _options.MaxSteps)
                    {
                        return RunStatus.StepBudgetExhausted;
                    }

                    RunOne();
                    AfterStep?.Invoke();
                    continue;
                }

                if (TakeInbox())
                {
                    continue;
                }

                // Idle: jump virtual time to the next timer (autojump), unless that is past the budget.
                if (Time.NextDue() is { } due)
                {
                    if (due > _maxTicks)
                    {
                        return RunStatus.TimeBudgetExhausted;
                    }

                    Time.AdvanceTo(due, (timer, version) => _ready.Add(WorkItem.Fire(timer, version)));
                    continue;
                }

                if (!WaitForForeignWork())
                {
                    return RunStatus.Deadlocked;
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _threadId = -1;
        }
    }

    /// <summary>Stops the run at the next step (used when the watchdog abandons the thread).</summary>
    public override void Abort(RunStatus status) => _abort ??= status;

    public void Enqueue(WorkItem item)
    {
        if (OnRuntimeThread)
        {
            _ready.Add(item);
            return;
        }

        _sawForeign = true;
        Report(DiagnosticKind.ThreadPool, CurrentNode, "a continuation was posted back to the runtime from another thread; something awaited work that ran on the thread pool or a real timer (Task.Run, ConfigureAwait(false), Task.Delay without the TimeProvider)");
        lock (_inbox)
        {
            _inbox.Enqueue(item);
            Monitor.PulseAll(_inbox);
        }
    }

    /// <summary>Reports, once per run, code that touches the runtime from a thread other than its own.</summary>
    public void NoteForeignThread(string where)
    {
        if (!OnRuntimeThread && _threadId != -1)
        {
            _sawForeign = true;
            Report(DiagnosticKind.ThreadPool, CurrentNode, $"{where} ran on another thread than the runtime's; likely cause: Task.Run, ConfigureAwait(false) or a continuation on the thread pool");
        }
    }

    /// <summary>As <see cref="NoteForeignThread"/> for code of node <paramref name="nodeId"/>; builds no text on the runtime thread.</summary>
    public override void NoteForeignNode(string nodeId)
    {
        if (!OnRuntimeThread && _threadId != -1)
        {
            NoteForeignThread("node " + nodeId);
        }
    }

    /// <summary>Called by the context when code blocks the runtime thread: records it, stops the run, and gives the exception to throw into that code.</summary>
    public Exception BlockingWait()
    {
        Report(DiagnosticKind.BlockingWait, CurrentNode, "a blocking wait (.Wait(), .Result, GetAwaiter().GetResult() on unfinished work) on the runtime thread; the only thread that could finish that work is the one waiting");
        Abort(RunStatus.BlockedThread);
        return new InvalidOperationException(
            $"ConcurrencyChaos: blocking wait on the deterministic runtime thread{(CurrentNode is null ? "" : $" (node {CurrentNode})")}. It would hang forever: await instead.");
    }

    private void RunOne()
    {
        var index = _random.Next(_ready.Count);
        var item = _ready[index];
        _ready[index] = _ready[^1];
        _ready.RemoveAt(_ready.Count - 1);
        Volatile.Write(ref _step, _step + 1);
        InCodeUnderTest = true;
        try
        {
            if (item.Timer is { } timer)
            {
                // Timers fire with no context, so continuations that captured ours are posted
                // (one more interleaving point) while ConfigureAwait(false) ones run inline.
                SynchronizationContext.SetSynchronizationContext(null);
                try
                {
                    timer.Fire(item.Version);
                }
                finally
                {
                    SynchronizationContext.SetSynchronizationContext(Context);
                }
            }
            else if (item.Task is { } task)
            {
                TaskScheduler.Execute(task);
            }
            else
            {
                item.Callback!(item.State);
            }
        }
        catch (Exception e) when (_abort is null)
        {
            // A posted callback that throws is an async void method's exception (the builder posts
            // it to the context); in a real application it would crash the process.
            var tag = Model.InjectedError.Of(e);
            Report(DiagnosticKind.AsyncVoidException, tag?.NodeId ?? CurrentNode, $"{e.GetType().Name}{(tag is null ? "" : $" from {tag.NodeId}")} escaped an async void method or a posted callback; in a real application this crashes the process");
            if (e is OutOfMemoryException)
            {
                ExceptionDispatchInfo.Capture(e).Throw();
            }
        }
        catch (Exception) when (_abort is not null)
        {
            // The run is stopping (blocking wait): whatever the code does with our exception is moot.
        }
        finally
        {
            InCodeUnderTest = false;
        }
    }

    private bool TakeInbox()
    {
        lock (_inbox)
        {
            if (_inbox.Count == 0)
            {
                return false;
            }

            while (_inbox.TryDequeue(out var item))
            {
                _ready.Add(item);
            }

            return true;
        }
    }

    private bool WaitForForeignWork()
    {
        // Only wait when there is evidence of escaped work; a plain deadlock must not cost real time.
        // The thread-pool and timer counts are process-wide, so they only buy a short probe; once
        // escaped code has touched this runtime, it gets the full grace.
        var realTimers = Timer.ActiveCount > _timerBaseline;
        var poolQueued = ThreadPool.PendingWorkItemCount > 0;
        var poolActive = poolQueued || ThreadPool.CompletedWorkItemCount != _poolBaseline;
        if (!_sawForeign && !realTimers && !poolActive)
        {
            return false;
        }

        var started = Environment.TickCount64;
        lock (_inbox)
        {
            while (_inbox.Count == 0)
            {
                if (Time.NextDue() is not null)
                {
                    return true; // escaped code set a virtual timer: time can move again
                }

                var grace = _sawForeign || (poolQueued && ThreadPool.PendingWorkItemCount > 0)
                    ? _options.ForeignWorkGrace.TotalMilliseconds
                    : Math.Min(ProbeMs, _options.ForeignWorkGrace.TotalMilliseconds);
                var left = started + (long)grace - Environment.TickCount64;
                if (left <= 0)
                {
                    break;
                }

                Monitor.Wait(_inbox, TimeSpan.FromMilliseconds(Math.Min(left, 5)));
            }

            if (_inbox.Count > 0)
            {
                return true; // Enqueue has reported the foreign post
            }
        }

        if (realTimers)
        {
            Report(DiagnosticKind.RealTimer, null, "nothing was left to run while a real timer was pending; likely Task.Delay(int), a Timer, or CancelAfter without the runtime's TimeProvider (this check is process-wide: a hint, not proof)", hint: true);
        }

        return false;
    }
}
