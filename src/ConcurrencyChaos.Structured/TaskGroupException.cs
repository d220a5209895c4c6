using System.Text;

namespace ConcurrencyChaos;

/// <summary>
/// Every error of a <see cref="TaskGroup"/>'s children and body, in the order the group saw them, with the member that
/// threw each one in <see cref="Failures"/>. A nested group's <see cref="TaskGroupException"/> appears as one inner
/// exception of the outer one.
/// </summary>
public sealed class TaskGroupException : AggregateException
{
    private const string DefaultMessage = "One or more errors occurred in a TaskGroup.";

    /// <summary>The message of a group's exception, built when first read: most are only caught and classified.</summary>
    private string? _brief;

    /// <summary>Creates an exception with no inner exceptions and a default message.</summary>
    public TaskGroupException()
        : base(DefaultMessage)
    {
        Failures = [];
    }

    /// <summary>Creates an exception with no inner exceptions and the given message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public TaskGroupException(string message)
        : base(message)
    {
        Failures = [];
    }

    /// <summary>Creates an exception with the given message and one inner exception, thrown by no known member.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public TaskGroupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [];
    }

    /// <summary>Creates the exception a group ends with: its failures, in the order it saw them.</summary>
    internal TaskGroupException(IReadOnlyList<TaskGroupFailure> failures)
        : base(DefaultMessage, ExceptionsOf(failures))
    {
        Failures = failures;
    }

    /// <summary>
    /// Gets each error with the member that threw it, in the same order as
    /// <see cref="AggregateException.InnerExceptions"/>. Empty when this exception was not thrown by a group.
    /// </summary>
    public IReadOnlyList<TaskGroupFailure> Failures { get; }

    /// <summary>Gets a message that lists the errors briefly: who threw, the type and the message of each.</summary>
    public override string Message => Failures.Count == 0 ? base.Message : _brief ??= Describe(Failures);

    /// <summary>The failures' exceptions as an array, which the base class copies once (a sequence it would first list).</summary>
    private static Exception[] ExceptionsOf(IReadOnlyList<TaskGroupFailure> failures)
    {
        var exceptions = new Exception[failures.Count];
        for (var i = 0; i < exceptions.Length; i++)
        {
            exceptions[i] = failures[i].Exception;
        }

        return exceptions;
    }

    private static string Describe(IReadOnlyList<TaskGroupFailure> failures)
    {
        var text = new StringBuilder();
        text.Append(failures.Count == 1 ? "1 error" : $"{failures.Count} errors").Append(" in a TaskGroup");
        for (var i = 0; i < failures.Count; i++)
        {
            text.Append(i == 0 ? ": " : "; ").Append(failures[i]);
        }

        return text.ToString();
    }
}
