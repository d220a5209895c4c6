namespace ConcurrencyChaos.Model;

/// <summary>How a run of the deterministic runtime ended.</summary>
public enum RunStatus
{
    /// <summary>The root ended and every node that started ended too.</summary>
    Completed,

    /// <summary>The root ended; some nodes were still waiting when nothing was left to run.</summary>
    CompletedWithStragglers,

    /// <summary>Nothing was left to run and no timer was pending, but the root had not ended.</summary>
    Deadlocked,

    /// <summary>The step budget ran out.</summary>
    StepBudgetExhausted,

    /// <summary>The virtual-time budget ran out.</summary>
    TimeBudgetExhausted,

    /// <summary>Code blocked the runtime thread (a synchronous wait on unfinished work).</summary>
    BlockedThread,

    /// <summary>The runtime thread stopped making progress in real time (a blocking wait or busy loop the runtime could not interrupt); the thread was abandoned.</summary>
    Stuck,

    /// <summary>The caller of the run or search cancelled it while it ran; a cancelled run gets no verdict.</summary>
    Cancelled,
}
