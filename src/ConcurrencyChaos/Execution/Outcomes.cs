using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Execution;

/// <summary>What a finished task means for the trace: a node's outcome, and the root's result as an awaiting caller sees it.</summary>
internal static class Outcomes
{
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
        _ => Root(task.Exception!.InnerExceptions[0]) with { Outcome = NodeOutcome.Faulted },
    };

    /// <summary>The <see cref="OperationCanceledException"/> that <c>await</c> of a canceled task throws.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "VSTHRD002:Avoid problematic synchronous waits", Justification = "The task has completed; this only retrieves its exception.")]
    public static OperationCanceledException CancellationOf(Task canceled)
    {
        // The only way to get the exception a canceled task holds; a throw, but only for a canceled task.
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
