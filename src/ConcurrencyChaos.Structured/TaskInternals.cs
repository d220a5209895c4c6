#if !NET10_0_OR_GREATER
using System.Collections.ObjectModel;
#endif
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ConcurrencyChaos;

/// <summary>
/// What <see cref="TaskGroup"/> reads of the runtime's own state without paying for the public way: a canceled task's
/// token, a faulted task's exceptions, a token's source. Each read goes through an <see cref="UnsafeAccessorAttribute"/>
/// to a member that .NET 8 and .NET 10 both have, and falls back to the public (slower) way where it is missing, so a
/// runtime that renames it costs speed, never correctness; tests run both ways.
/// </summary>
internal static class TaskInternals
{
    /// <summary>
    /// Whether <see cref="CanceledToken"/> and <see cref="FaultsOf"/> use the runtime's own accessors of a completed task,
    /// and a new <see cref="TaskGroup"/> reads its caller's token's source to find its parent (they are there on .NET 8 and 10); tests turn
    /// it off to cover the fallbacks.
    /// </summary>
    internal static bool ReadsTaskDirectly { get; set; } = true;

    /// <summary>Whether a token's source can be read here (probed once): else every group registers in the groups' table of tokens.</summary>
    internal static readonly bool SourceReadable = ProbeSource();

    /// <summary>
    /// The token a canceled task's <see cref="OperationCanceledException"/> carries, read without throwing it (a rethrow
    /// costs microseconds per canceled member): a task is canceled with an exception and its token together, and keeps
    /// the token where the runtime's own accessor reads it; where that accessor is missing, a new
    /// <see cref="TaskCanceledException"/> of the task carries the same token (at the cost of a resource lookup).
    /// </summary>
    internal static CancellationToken CanceledToken(Task canceled)
    {
        if (ReadsTaskDirectly)
        {
            try
            {
                return TokenOf(canceled);
            }
            catch (MissingMethodException)
            {
                ReadsTaskDirectly = false;
            }
        }

        return new TaskCanceledException(canceled).CancellationToken;
    }

    /// <summary>
    /// The exceptions of a faulted task, in order: <see cref="Task.Exception"/>'s inner exceptions, read (and marked
    /// observed) as <c>await</c> reads them, without building that <see cref="AggregateException"/> and looking its
    /// message up in resources; where that accessor is missing, through <see cref="Task.Exception"/>.
    /// </summary>
    internal static IReadOnlyList<Exception> FaultsOf(Task faulted)
    {
        if (ReadsTaskDirectly)
        {
            try
            {
                var infos = ExceptionsOf(faulted);
                var exceptions = new Exception[infos.Count];
                for (var i = 0; i < exceptions.Length; i++)
                {
                    exceptions[i] = infos[i].SourceException;
                }

                return exceptions;
            }
            catch (MissingMethodException)
            {
                ReadsTaskDirectly = false;
            }
        }

        return faulted.Exception!.InnerExceptions;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "GetExceptionDispatchInfos")]
#if NET10_0_OR_GREATER
    private static extern List<ExceptionDispatchInfo> ExceptionsOf(Task task);
#else
    private static extern ReadOnlyCollection<ExceptionDispatchInfo> ExceptionsOf(Task task);
#endif

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_CancellationToken")]
    private static extern CancellationToken TokenOf(Task task);

    /// <summary>Whether <see cref="SourceOf"/> works on this runtime.</summary>
    private static bool ProbeSource()
    {
        try
        {
            using var probe = new CancellationTokenSource();
            var token = probe.Token;
            return ReferenceEquals(SourceOf(ref token), probe);
        }
        catch (MissingFieldException)
        {
            return false;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_source")]
    internal static extern ref CancellationTokenSource? SourceOf(ref CancellationToken token);
}
