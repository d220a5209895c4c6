namespace ConcurrencyChaos;

/// <summary>
/// Thrown by <see cref="ChaosResult.AssertHolds"/>, whose message is the rendered counterexample; and by a
/// run or search whose registered operation (<see cref="Execution.RunOptions.Operations"/>) failed by itself,
/// whose message names the operation, the leaf and the tree.
/// </summary>
public sealed class ChaosException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public ChaosException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ChaosException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ChaosException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
