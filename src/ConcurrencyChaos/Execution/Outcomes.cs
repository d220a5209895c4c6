using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Execution;

/// <summary>What a finished task means for the trace: a node's outcome, and the root's result as an awaiting caller sees it.</summary>
internal static class Outcomes
{
    /// <summary>Whether the runtime's own accessor of a canceled task's exception is there (it is on .NET 10); if not, it is rethrown.</summary>
    private static bool s_storedCancellation = true;

    /// <summary>Whether the runtime's own accessor of a faulted task's exceptions is there (it is on .NET 10); if not, <see cref="Task.Exception"/> is read.</summary>
    private static bool s_storedFaults = true;

    /// <summary>The outcome of a node whose task has completed.</summary>
    public static NodeOutcome Of(Task task) => task.Status switch
    {
        TaskStatus.RanToCompletion => NodeOutcome.RanToCompletion,
        TaskStatus.Canceled => NodeOutcome.Canceled,
        _ => NodeOutcome.Faulted,
    };

    /// <summary>What <c>await</c> of the root's completed task gives the caller.</summary>
    public static RootResult Root(Task task) => task.Status switch
    {
        TaskStatus.RanToCompletion => new RootResult(NodeOutcome.RanToCompletion, null, []),
        // `await` rethrows the exception that ended it (an async method keeps it): an injected error that is an
        // OperationCanceledException still reaches the caller through it.
        TaskStatus.Canceled => Root(CancellationOf(task)),
        // `await` throws the first inner exception; whatever else Task.Exception holds is lost to the caller.
        _ => Root(FirstFault(task)) with { Outcome = NodeOutcome.Faulted },
    };

    /// <summary>
    /// The first exception of a faulted task, which <c>await</c> throws, read (and marked observed) as <c>await</c> reads it:
    /// without building <see cref="Task.Exception"/>'s AggregateException, whose message is looked up in resources.
    /// </summary>
    public static Exception FirstFault(Task faulted)
    {
        if (s_storedFaults)
        {
            try
            {
                return StoredFaults(faulted)[0].SourceException;
            }
            catch (MissingMethodException)
            {
                s_storedFaults = false;
            }
        }

        return faulted.Exception!.InnerExceptions[0];
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "GetExceptionDispatchInfos")]
    private static extern List<ExceptionDispatchInfo> StoredFaults(Task task);

    /// <summary>The <see cref="OperationCanceledException"/> that <c>await</c> of a canceled task throws.</summary>
    public static OperationCanceledException CancellationOf(Task canceled)
    {
        // What TaskAwaiter throws: the exception the task was canceled with (an async method keeps it), else a new one.
        // Read where the runtime keeps it, without throwing: a throw costs microseconds on every canceled root.
        if (s_storedCancellation)
        {
            try
            {
                return StoredCancellation(canceled)?.SourceException as OperationCanceledException ?? new TaskCanceledException(canceled);
            }
            catch (MissingMethodException)
            {
                s_storedCancellation = false;
            }
        }

        return Rethrown(canceled);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "GetCancellationExceptionDispatchInfo")]
    private static extern ExceptionDispatchInfo? StoredCancellation(Task task);

    [SuppressMessage("Usage", "VSTHRD002:Avoid problematic synchronous waits", Justification = "The task has completed; this only retrieves its exception.")]
    private static OperationCanceledException Rethrown(Task canceled)
    {
        try
        {
            canceled.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            return e;
        }

        return new TaskCanceledException(canceled);
    }

    /// <summary>What the caller sees when the root throws <paramref name="thrown"/> (or its task's await does).</summary>
    public static RootResult Root(Exception thrown) =>
        new(thrown is OperationCanceledException ? NodeOutcome.Canceled : NodeOutcome.Faulted, Describe(thrown), InjectedError.ReachableFrom(thrown));

    /// <summary>The exception's type, with the node that injected it, or the same of every inner exception of an aggregate.</summary>
    private static string Describe(Exception e)
    {
        var name = e.GetType().Name;
        if (e is AggregateException aggregate)
        {
            return $"{name}({string.Join(", ", aggregate.InnerExceptions.Select(Describe))})";
        }

        return InjectedError.Of(e) is { } tag ? $"{name} from {tag.NodeId}" : name;
    }
}
