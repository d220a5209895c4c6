using System.Globalization;
using System.Net.Http;

namespace ConcurrencyChaos.Model;

/// <summary>
/// The identity of one injected error: which node threw which kind, and where. Every exception the
/// harness injects is a real BCL exception carrying this tag in its <see cref="Exception.Data"/>, so
/// the judge can tell exactly which injected error reached the caller.
/// </summary>
/// <param name="NodeId">The leaf that threw it.</param>
/// <param name="Kind">The exception type.</param>
/// <param name="Origin">Where in the leaf it was thrown.</param>
public sealed record InjectedError(string NodeId, ErrorKind Kind, ErrorOrigin Origin)
{
    private const string DataKey = "ConcurrencyChaos.InjectedError";

    /// <summary>
    /// The token an injected cancellation-shaped error carries: one of the leaf's own, never one it was given (nor the
    /// caller's, nor any group's), and never cancelled. So no pattern can take the error for a cancellation of its
    /// own, not even while it is cancelling: it is an error, unambiguously. (HttpClient's timeout carries a cancelled
    /// token of its own; in the window where a group is being cancelled that cannot be told from the group's own
    /// cancellation, so the harness does not blame a pattern for that.)
    /// </summary>
    private static readonly CancellationToken OwnTimeout = new CancellationTokenSource().Token;

    /// <summary>A new exception of <see cref="Kind"/> tagged with this identity.</summary>
    public Exception CreateException()
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"Injected by node {NodeId} ({Describe(Origin)}).");
        Exception exception = Kind switch
        {
            ErrorKind.IOException => new IOException(message),
            ErrorKind.TimeoutException => new TimeoutException(message),
            ErrorKind.ArgumentException => new ArgumentException(message),
            ErrorKind.HttpRequestException => new HttpRequestException(message),
            ErrorKind.OperationCanceledException => new OperationCanceledException(message, OwnTimeout),
            ErrorKind.TaskCanceledException => new TaskCanceledException(message, new TimeoutException(message), OwnTimeout),
            _ => new InvalidOperationException(message),
        };
        exception.Data[DataKey] = this;
        return exception;
    }

    /// <summary>The tag of an injected exception, or null for any other exception.</summary>
    public static InjectedError? Of(Exception exception) =>
        exception?.Data.Contains(DataKey) == true ? exception.Data[DataKey] as InjectedError : null;

    /// <summary>Every injected error reachable from <paramref name="exception"/> through inner exceptions, in depth-first order.</summary>
    public static IReadOnlyList<InjectedError> ReachableFrom(Exception? exception)
    {
        var found = new List<InjectedError>();
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        Walk(exception);
        return found;

        void Walk(Exception? e)
        {
            if (e is null || !seen.Add(e))
            {
                return;
            }

            if (Of(e) is { } tag)
            {
                found.Add(tag);
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Walk(inner);
                }
            }
            else
            {
                Walk(e.InnerException);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} from {NodeId}";

    private static string Describe(ErrorOrigin origin) => origin switch
    {
        ErrorOrigin.ThrowSync => "thrown synchronously",
        ErrorOrigin.Cleanup => "thrown during cleanup",
        _ => "thrown after its work",
    };
}
