using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// What an Execution.TreeRunner and its Execution.TraceRecorder run on: the controlled
/// <see cref="DeterministicRuntime"/> or the Execution.RealTimeHost.
/// </summary>
internal abstract class RunHost
{
    private readonly DiagnosticLog _diagnostics = new();

    /// <summary>The clock leaves and patterns take time from.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>Trace time now: virtual ms (controlled) or real elapsed ms divided by the scale (real time).</summary>
    public abstract long NowMs { get; }

    /// <summary>The watchdog's measure of progress; changes while the run is alive. Read from other threads.</summary>
    public abstract long Progress { get; }

    /// <summary>What the trace counts as its steps: scheduler steps (controlled) or events recorded (real time).</summary>
    public abstract long Steps { get; }

    /// <summary>Whether the run is controlled (one thread, steps); false in real time.</summary>
    public abstract bool IsControlled { get; }

    /// <summary>In real time, when each event so far was recorded and the tie tolerance (<see cref="Trace.Ties"/>); null when controlled.</summary>
    public virtual RealTimeTies? Ties => null;

    /// <summary>The scheduler continuations the runner registers run on.</summary>
    public abstract TaskScheduler Scheduler { get; }

    /// <summary>What the run did that the host does not control, one entry per kind and node.</summary>
    public IReadOnlyList<RuntimeDiagnostic> Diagnostics => _diagnostics.Snapshot();

    /// <summary>The node most recently started or resumed, for blaming escapes and stuck threads.</summary>
    public string? CurrentNode { get; set; }

    /// <summary>Whether a timer of the run is still pending (controlled only: a real-time host cannot tell, and says false).</summary>
    public virtual bool TimerPending => false;

    /// <summary>The step of an event being recorded now; called under the recorder's lock.</summary>
    public abstract long EventStep();

    /// <summary>Something ended (a node, the root): lets a waiting real-time host re-check whether the run is over.</summary>
    public virtual void Changed()
    {
    }

    /// <summary>Reports code of <paramref name="nodeId"/> running off the runtime thread (controlled mode only).</summary>
    public virtual void NoteForeignNode(string nodeId)
    {
    }

    /// <summary>
    /// Runs <paramref name="start"/> on the current thread, then lets the run go on until <paramref name="finished"/>
    /// says so or a budget runs out; returns why it stopped.
    /// </summary>
    public RunStatus Run(Action start, Func<bool> finished) => Run(new DelegateDriver(start, finished));

    /// <summary>
    /// Runs <paramref name="run"/>'s first step on the current thread, then lets the run go on until it says it is
    /// finished or a budget runs out; returns why it stopped.
    /// </summary>
    public abstract RunStatus Run(IRunDriver run);

    /// <summary>Stops the run as soon as the host can, with <paramref name="status"/> (the first abort wins); callable from any thread.</summary>
    public abstract void Abort(RunStatus status);

    /// <summary>Records a diagnostic for <paramref name="nodeId"/>, once per kind and node; callable from any thread.</summary>
    public void Report(DiagnosticKind kind, string? nodeId, string message, bool hint = false) =>
        _diagnostics.Report(kind, nodeId, message, hint);

    /// <summary>
    /// Reports an exception that escaped a posted callback: an <c>async void</c> method's (its builder posts it to the
    /// context it captured), which in a real application crashes the process.
    /// </summary>
    public void ReportEscapedException(Exception e)
    {
        var tag = InjectedError.Of(e);
        Report(DiagnosticKind.AsyncVoidException, tag?.NodeId ?? CurrentNode, $"{e.GetType().Name}{(tag is null ? "" : $" from {tag.NodeId}")} escaped an async void method or a posted callback; in a real application this crashes the process");
    }
}
