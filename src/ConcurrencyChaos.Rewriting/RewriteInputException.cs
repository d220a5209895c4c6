namespace ConcurrencyChaos.Rewriting;

/// <summary>A path the rewriter cannot take: missing, unreadable, not a .NET assembly, or one that must never be rewritten. Exit code 2.</summary>
public sealed class RewriteInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RewriteInputException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What is wrong with which path.</param>
    public RewriteInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What is wrong with which path.</param>
    /// <param name="innerException">The cause.</param>
    public RewriteInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
