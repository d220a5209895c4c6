namespace ConcurrencyChaos.Model;

/// <summary>
/// What kind of uncontrolled thing a run saw (<see cref="RuntimeDiagnostic.Kind"/>). Each has one stable
/// kebab-case id (<see cref="DiagnosticKinds.Id"/>), the only spelling used in text and reports.
/// </summary>
public enum DiagnosticKind
{
    /// <summary><c>thread-pool</c>: code of the run ran on, or came back from, another thread (Task.Run, ConfigureAwait(false), a pool continuation).</summary>
    ThreadPool,

    /// <summary><c>real-timer</c>: nothing was left to run while a real timer was pending (a hint from process-wide counters).</summary>
    RealTimer,

    /// <summary><c>blocking-wait</c>: code blocked the runtime thread on unfinished work.</summary>
    BlockingWait,

    /// <summary><c>async-void-exception</c>: an exception escaped an async void method or a posted callback (it would crash the process).</summary>
    AsyncVoidException,

    /// <summary><c>sync-throw</c>: a pattern threw one of the tree's errors before returning a task.</summary>
    SyncThrow,

    /// <summary><c>stuck</c>: the runtime thread took no step for too long and was abandoned.</summary>
    Stuck,

    /// <summary><c>pattern-error</c>: a pattern threw its own exception before returning a task; the run gives no verdict.</summary>
    PatternError,

    /// <summary><c>operation-error</c>: a registered operation failed by itself; the run gives no verdict.</summary>
    OperationError,

    /// <summary>
    /// <c>unfinished-escape</c>: work of the run that left the runtime's thread was still queued to the thread pool or
    /// running elsewhere when the runtime's grace (<c>RunOptions.ForeignWorkGrace</c>) ended; the run gives no verdict.
    /// </summary>
    UnfinishedEscape,
}
