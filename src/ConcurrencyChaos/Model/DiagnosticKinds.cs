namespace ConcurrencyChaos.Model;

/// <summary>The one place a <see cref="DiagnosticKind"/> gets its id and its meaning for a verdict.</summary>
public static class DiagnosticKinds
{
    /// <summary>The kind's stable kebab-case id, e.g. <c>thread-pool</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its id.</returns>
    public static string Id(this DiagnosticKind kind) => kind switch
    {
        DiagnosticKind.ThreadPool => "thread-pool",
        DiagnosticKind.RealTimer => "real-timer",
        DiagnosticKind.BlockingWait => "blocking-wait",
        DiagnosticKind.AsyncVoidException => "async-void-exception",
        DiagnosticKind.SyncThrow => "sync-throw",
        DiagnosticKind.Stuck => "stuck",
        DiagnosticKind.PatternError => "pattern-error",
        DiagnosticKind.OperationError => "operation-error",
        DiagnosticKind.UnfinishedEscape => "unfinished-escape",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a diagnostic kind."),
    };

    /// <summary>Whether the run left the runtime's control, so its trace may not replay exactly.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for thread-pool, real-timer, blocking-wait, stuck and unfinished-escape.</returns>
    public static bool IsEscape(this DiagnosticKind kind) =>
        kind is DiagnosticKind.ThreadPool or DiagnosticKind.RealTimer or DiagnosticKind.BlockingWait or DiagnosticKind.Stuck or DiagnosticKind.UnfinishedEscape;

    /// <summary>Whether a real application would crash where the run saw this (judged by the invariant <c>no-crash</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for async-void-exception: an exception that escaped an async void method or a posted callback.</returns>
    public static bool WouldCrash(this DiagnosticKind kind) => kind is DiagnosticKind.AsyncVoidException;

    /// <summary>
    /// Whether the run is not the experiment its tree describes, so it gets no verdict (a <see cref="ChaosException"/>
    /// instead): its pattern or an operation broke by itself, or it went on without work it had sent elsewhere.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for pattern-error, operation-error and unfinished-escape.</returns>
    public static bool IsBrokenSetup(this DiagnosticKind kind) =>
        kind is DiagnosticKind.PatternError or DiagnosticKind.OperationError or DiagnosticKind.UnfinishedEscape;
}
