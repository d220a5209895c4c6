using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// The run that code belongs to, and the node whose code it is, carried on the ExecutionContext: how
/// <c>Chaos.Assert</c> finds the trace to record a failed assertion in. A run sets it around its whole
/// execution, so every continuation, timer and task of the run sees it — also one that escaped to the thread
/// pool, as long as the ExecutionContext flowed there (<c>Task.Run</c> and <c>await</c> flow it;
/// <c>UnsafeQueueUserWorkItem</c> and <c>ExecutionContext.SuppressFlow</c> do not). Each group narrows it to
/// itself while its pattern is called, and each operation leaf while its operation is, so an <c>async</c>
/// pattern keeps its group's scope across its awaits.
/// </summary>
internal sealed class RunScope
{
    private static readonly AsyncLocal<RunScope?> s_current = new();

    private readonly TraceRecorder _recorder;
    private readonly RunHost _host;

    private RunScope(TraceRecorder recorder, RunHost host, string? nodeId)
    {
        _recorder = recorder;
        _host = host;
        NodeId = nodeId;
    }

    /// <summary>The scope of the code running now, or null outside every run.</summary>
    public static RunScope? Current => s_current.Value;

    /// <summary>The node whose code this is; null for code of the run that no node's scope covers (a timer's callback).</summary>
    public string? NodeId { get; }

    /// <summary>Makes <paramref name="recorder"/>'s run the current one on this thread's flow until the result is disposed.</summary>
    public static Restore EnterRun(TraceRecorder recorder, RunHost host) => Set(new RunScope(recorder, host, null));

    /// <summary>Narrows the current run's scope to <paramref name="nodeId"/> until the result is disposed; does nothing outside a run.</summary>
    public static Restore EnterNode(string nodeId) =>
        s_current.Value is { } run ? Set(new RunScope(run._recorder, run._host, nodeId)) : default;

    /// <summary>
    /// Records a failed <c>Chaos.Assert</c> of this scope's node (else of the node the runtime last resumed, else the
    /// root). From any thread; one made after the run's trace was taken is not seen.
    /// </summary>
    public void AssertionFailed(string message) =>
        _recorder.AssertionFailed(NodeId ?? _host.CurrentNode ?? TaskTree.RootId, message);

    private static Restore Set(RunScope scope)
    {
        // Put back by restoring the whole ExecutionContext, as an async method's builder does when its synchronous part
        // returns: setting the value back would allocate another context and value map per scope.
        var previous = ExecutionContext.Capture();
        var previousScope = previous is null ? s_current.Value : null; // flow suppressed: nothing to restore, so set back
        s_current.Value = scope;
        return new Restore(previous, previousScope, true);
    }

    /// <summary>Puts back the scope that was current before (a synchronous caller must not keep a callee's scope).</summary>
    public readonly struct Restore(ExecutionContext? previous, RunScope? previousScope, bool owner) : IDisposable
    {
        public void Dispose()
        {
            if (!owner)
            {
                return;
            }

            if (previous is not null)
            {
                ExecutionContext.Restore(previous);
            }
            else
            {
                s_current.Value = previousScope;
            }
        }
    }
}
