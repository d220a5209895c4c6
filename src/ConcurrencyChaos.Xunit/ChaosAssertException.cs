namespace ConcurrencyChaos.Xunit;

/// <summary>
/// Thrown by <see cref="ChaosAssert"/> and <see cref="ScenarioCase"/> when a run does not do what the test
/// expects: its message is the rendered run (tree, what each node did, the violations).
/// </summary>
public sealed class ChaosAssertException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public ChaosAssertException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The failure, as a person reads it.</param>
    public ChaosAssertException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The failure, as a person reads it.</param>
    /// <param name="innerException">The cause.</param>
    public ChaosAssertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a run that did not do what the test expected.</summary>
    /// <param name="message">The failure, as a person reads it.</param>
    /// <param name="report">The run.</param>
    public ChaosAssertException(string message, RunReport report)
        : base(message) => Report = report;

    /// <summary>The run that failed the assertion, or null.</summary>
    public RunReport? Report { get; }
}
