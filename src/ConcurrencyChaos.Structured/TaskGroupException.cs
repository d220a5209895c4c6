using System.Text;

namespace ConcurrencyChaos;

/// <summary>
/// Every fault of a <see cref="TaskGroup"/>'s children and body, in the order they happened.
/// A nested group's <see cref="TaskGroupException"/> appears as one inner exception of the outer one.
/// </summary>
public sealed class TaskGroupException : AggregateException
{
    private const string DefaultMessage = "One or more errors occurred in a TaskGroup.";

    private readonly string? _brief;

    /// <summary>Creates an exception with no inner exceptions and a default message.</summary>
    public TaskGroupException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates an exception with no inner exceptions and the given message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public TaskGroupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and one inner exception.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public TaskGroupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception a group ends with: its faults, in the order they happened.</summary>
    internal TaskGroupException(IReadOnlyList<Exception> faults)
        : base(DefaultMessage, faults)
    {
        _brief = Describe(faults);
    }

    /// <summary>Gets a message that lists the inner errors briefly (type and message of each).</summary>
    public override string Message => _brief ?? base.Message;

    private static string Describe(IReadOnlyList<Exception> faults)
    {
        var text = new StringBuilder();
        text.Append(faults.Count == 1 ? "1 error" : $"{faults.Count} errors").Append(" in a TaskGroup");
        for (var i = 0; i < faults.Count; i++)
        {
            text.Append(i == 0 ? ": " : "; ").Append(faults[i].GetType().Name).Append(": ").Append(faults[i].Message);
        }

        return text.ToString();
    }
}
