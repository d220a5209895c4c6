namespace ConcurrencyChaos;

/// <summary>Thrown by <see cref="ChaosResult.AssertHolds"/>: its message is the rendered counterexample.</summary>
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
