using System.Runtime.ExceptionServices;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// A single-threaded, seeded, virtual-time runtime (after Trio's MockClock and madsim). One thread
/// runs everything: each step takes one ready item — a posted continuation, a queued task, or a
/// timer due now — chosen by the <see cref="ISchedulingStrategy"/>, so same-instant events are
/// explored in every order and the same seed always gives the same order. When nothing is ready,
/// virtual time jumps to the next timer. Work that escapes to other threads is left to the
/// <see cref="EscapeDetector"/>: noticed and reported, never trusted.
/// </summary>
internal sealed class DeterministicRuntime : RunHost
{
    private readonly ISchedulingStrategy _ready;
    private readonly RuntimeLimits _limits;
    private readonly EscapeDetector _escapes;
    private readonly RuntimeHook _hook;
    private RunStatus? _abort;
    private long _step;

    /// <param name="strategy">Orders the ready work.</param>
    /// <param name="limits">The run's budgets.</param>
    /// <param name="expectedTimers">Room made at once for the virtual timers of a run (a tree's: about one per node).</param>
    public DeterministicRuntime(ISchedulingStrategy strategy, RuntimeLimits limits, int expectedTimers = 0)
    {
        _ready = strategy;
        _limits = limits;
        _escapes = new EscapeDetector(this, limits.ForeignWorkGrace);
        Clock = new VirtualTimeProvider(_escapes, expectedTimers);
        Context = new DeterministicSynchronizationContext(this);
        Scheduler = new DeterministicTaskScheduler(this);
        _hook = new RuntimeHook(this, _escapes);
    }

    /// <summary>Virtual time: moves only when the runtime is idle and jumps to the next timer.</summary>
    public override VirtualTimeProvider Clock { get; }

    /// <summary>Where continuations that capture the context are posted: the ready set.</summary>
    public DeterministicSynchronizationContext Context { get; }

    /// <summary>Where explicitly scheduled tasks are queued: the ready set.</summary>
    public override DeterministicTaskScheduler Scheduler { get; }

    public override long NowMs => Clock.NowMs;

    public override bool IsControlled => true;

    /// <summary>Whether a live timer is due at some virtual time (it would fire if the run went on).</summary>
    public override bool TimerPending => Clock.NextDue() is not null;

    /// <summary>Steps taken so far. Read from other threads by the watchdog.</summary>
    public override long Progress => Volatile.Read(ref _step);

    /// <summary>Steps taken so far.</summary>
    public override long Steps => Volatile.Read(ref _step);

    /// <summary>Controlled events carry the step in which they happen.</summary>
    public override long EventStep() => _step;

    public bool OnRuntimeThread => _escapes.OnRuntimeThread;

    /// <summary>Whether the runtime thread is in code under test (where a blocking wait is a bug) rather than the runtime's own.</summary>
    public bool InCodeUnderTest { get; private set; }

    /// <summary>
    /// Runs <paramref name="run"/>'s start as the first step, then steps until it says it is finished,
    /// nothing is left to run, or a budget runs out. Returns why it stopped; "nothing left"
    /// is <see cref="RunStatus.Deadlocked"/>, which the caller refines.
    /// </summary>
    public override RunStatus Run(IRunDriver run)
    {
        _escapes.Start();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Context);
        var outer = _hook.Enter(); // the shims of rewritten code go through this run from now on
        try
        {
            _ready.Add(WorkItem.Post(static run => ((IRunDriver)run!).Start(), run));
            while (true)
            {
                if (RunAllReady(run) is { } stopped)
                {
                    return stopped;
                }

                // Nothing is ready: work of this run still queued to the pool or executing on another thread is waited for first.
                if (_escapes.Settle(_ready))
                {
                    continue;
                }

                // Finished is asked only once nothing is ready: work already queued in this instant still
                // runs (an async void method's exception is posted when the last node ends), and time is
                // never advanced once the run has finished.
                if (run.Finished())
                {
                    return RunStatus.Completed;
                }

                if (AdvanceToNextEvent() is { } idle)
                {
                    return idle;
                }
            }
        }
        finally
        {
            _hook.Exit(outer);
            SynchronizationContext.SetSynchronizationContext(previous);
            _escapes.Stop();
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

        _escapes.PostFromForeignThread(item);
    }

    /// <summary>Reports code of <paramref name="nodeId"/> running off the runtime thread.</summary>
    public override void NoteForeignNode(string nodeId) => _escapes.NoteForeignNode(nodeId);

    /// <summary>
    /// Called when code blocks the runtime thread (by the context, or by a shim naming the <paramref name="api"/>):
    /// records it, stops the run, and gives the exception to throw into that code.
    /// </summary>
    public Exception BlockingWait(string? api = null)
    {
        var what = api is null ? "a blocking wait (.Wait(), .Result, GetAwaiter().GetResult() on unfinished work)" : $"a blocking call ({api})";
        Report(DiagnosticKind.BlockingWait, CurrentNode, $"{what} on the runtime thread; the only thread that could finish that work is the one waiting");
        Abort(RunStatus.BlockedThread);
        return new InvalidOperationException(
            $"ConcurrencyChaos: {(api is null ? "blocking wait" : api)} on the deterministic runtime thread{(CurrentNode is null ? "" : $" (node {CurrentNode})")}. It would hang forever (or stop every task of the run): await instead.");
    }

    /// <summary>
    /// Takes ready items one step at a time, in the strategy's order, until none is left (null) or the
    /// run must stop: aborted, or out of steps.
    /// </summary>
    private RunStatus? RunAllReady(IRunDriver run)
    {
        while (_abort is null && _ready.Count > 0)
        {
            if (_step >= _limits.MaxSteps)
            {
                return RunStatus.StepBudgetExhausted;
            }

            RunStep(_ready.Take());
            run.AfterStep();
        }

        return _abort;
    }

    /// <summary>
    /// Nothing is ready and escaped work has settled: brings in the next event — the next timer (virtual time
    /// jumps to it), else escaped work still on its way. Null when something is ready again;
    /// otherwise why the run stops: the next timer is past the time budget, or nothing can ever come.
    /// </summary>
    private RunStatus? AdvanceToNextEvent()
    {
        if (Clock.NextDue() is { } due)
        {
            if (due > _limits.MaxVirtualTime.Ticks)
            {
                return RunStatus.TimeBudgetExhausted;
            }

            Clock.AdvanceTo(due, _ready);
            return null;
        }

        return _escapes.WaitForForeignWork(Clock) ? null : RunStatus.Deadlocked;
    }

    private void RunStep(WorkItem item)
    {
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
                Scheduler.Execute(task);
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
            ReportEscapedException(e);
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
}
