namespace ConcurrencyChaos.Model;

/// <summary>How a node's task (or the root's) ended.</summary>
public enum NodeOutcome
{
    /// <summary>Returned normally.</summary>
    RanToCompletion,

    /// <summary>Ended with an exception other than cancellation.</summary>
    Faulted,

    /// <summary>Ended canceled.</summary>
    Canceled,
}
