using System.Runtime.ExceptionServices;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Operations;
using ConcurrencyChaos.Runtime;
using Polly;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// A leaf that runs a consumer's registered operation (<see cref="Leaf.Operation"/>) through the Polly
/// chaos pipeline that realises the leaf (<see cref="ChaosPipelines"/>): Polly's latency, fault and
/// behaviour strategies, on the runtime's clock, continuing on the captured context. What a pipeline
/// cannot say — ignoring the token, cleanup, swallowing or failing on cancellation — is done around it,
/// so an operation leaf ends as the same leaf without an operation would, and is judged the same way: it
/// waits on an outer token when the leaf does (<see cref="Leaf.OuterToken"/>), and an injected error that is an
/// <see cref="OperationCanceledException"/> faults its task, as a simulated leaf's does.
/// </summary>
/// <remarks>
/// Like <see cref="LeafTask"/>, its <c>Ended</c> event is recorded before its task completes. An
/// exception the operation throws by itself (not one the pipeline injected, and not a cancellation of
/// its token) is reported as an <c>operation-error</c> diagnostic: the tree said this leaf succeeds, so
/// the run is no longer the experiment it stands for, and the search stops with a clear error.
/// </remarks>
internal static class OperationLeaf
{
    public static Func<CancellationToken, Task> Create(string id, Leaf leaf, Func<CancellationToken, Task> operation, TraceRecorder recorder, RunHost host, int seed, Func<CancellationToken>? outer = null)
    {
        var pipeline = ChaosPipelines.For(leaf, id, host.Clock, seed);
        return token => StartAsync(new Call(id, leaf, operation, pipeline, recorder, host, token, outer?.Invoke() ?? token));
    }

    private static Task StartAsync(Call call)
    {
        call.Recorder.Started(call.Id);
        if (call.Token.IsCancellationRequested)
        {
            call.Recorder.TokenCancelled(call.Id);
        }
        else if (call.Token.CanBeCanceled)
        {
            call.Registration = call.Token.UnsafeRegister(static (state, _) => ((Call)state!).Recorder.TokenCancelled(((Call)state!).Id), call);
        }

        var execution = ExecuteAsync(call);
        if (call.Leaf.Then == LeafEnd.ThrowSync && execution.IsFaulted)
        {
            // The fault strategy injects before anything awaits: throw it out of the delegate, which is what ThrowSync stands for.
            var error = execution.Exception.InnerExceptions[0];
            Ended(call, error);
            ExceptionDispatchInfo.Throw(error);
        }

        var ended = EndAsync(call, execution);
        return InjectsCancellation(call.Leaf) ? FaultedWhenInjectedAsync(ended) : ended;
    }

    /// <summary>Whether the leaf may throw an injected error that is an <see cref="OperationCanceledException"/>.</summary>
    private static bool InjectsCancellation(Leaf leaf) =>
        (leaf.Faults && IsCancellation(leaf.Error)) || (leaf.OnCancel == CancelBehavior.Fail && IsCancellation(leaf.CleanupError));

    private static bool IsCancellation(ErrorKind kind) => kind is ErrorKind.OperationCanceledException or ErrorKind.TaskCanceledException;

    /// <summary>
    /// The leaf's task as a simulated leaf ends it: an async method ends canceled when it throws an
    /// <see cref="OperationCanceledException"/>, but an injected one is an error, so that task faults instead (inline, no extra step).
    /// </summary>
    private static Task FaultedWhenInjectedAsync(Task ended)
    {
        var result = new TaskCompletionSource();
        _ = ended.ContinueWith(
            static (task, state) =>
            {
                var result = (TaskCompletionSource)state!;
                if (task.IsCanceled && Outcomes.CancellationOf(task) is var cancellation && InjectedError.Of(cancellation) is not null)
                {
                    result.SetException(cancellation);
                }
                else
                {
                    result.SetFromTask(task);
                }
            },
            result,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return result.Task;
    }

    /// <summary>The pipeline around the operation, on the token the leaf acts on; a leaf that ignores its token gets none.</summary>
    private static Task ExecuteAsync(Call call)
    {
        using var scope = RunScope.EnterNode(call.Id);
        return PollyRun.ExecuteAsync(call.Pipeline, call.Operation, call.Leaf.OnCancel == CancelBehavior.Ignore ? CancellationToken.None : call.Watched);
    }

    private static async Task EndAsync(Call call, Task execution)
    {
        try
        {
#pragma warning disable VSTHRD003 // the execution was started by this leaf, on this context, just before
            await execution;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException e) when (InjectedError.Of(e) is null && call.Watched.IsCancellationRequested && call.Leaf.OnCancel != CancelBehavior.Ignore)
        {
            call.Recorder.Resumed(call.Id);
            if (call.Leaf.Cleanup > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(call.Leaf.Cleanup), call.Host.Clock);
                call.Recorder.Resumed(call.Id);
            }

            call.Registration.Unregister();
            switch (call.Leaf.OnCancel)
            {
                case CancelBehavior.Swallow:
                    call.Recorder.Ended(call.Id, NodeOutcome.RanToCompletion);
                    return;
                case CancelBehavior.Fail:
                    throw LeafTask.Fault(call.Id, call.Leaf.CleanupError, ErrorOrigin.Cleanup, call.Recorder);
                default:
                    call.Recorder.Ended(call.Id, NodeOutcome.Canceled);
                    throw new OperationCanceledException(call.Watched);
            }
        }
        catch (Exception error)
        {
            call.Recorder.Resumed(call.Id);
            Ended(call, error);
            throw;
        }

        call.Recorder.Resumed(call.Id);
        call.Registration.Unregister();
        call.Recorder.Ended(call.Id, NodeOutcome.RanToCompletion);
    }

    /// <summary>Records a faulted end: the injected error the pipeline threw, or the operation's own exception.</summary>
    private static void Ended(Call call, Exception error)
    {
        call.Registration.Unregister();
        if (InjectedError.Of(error) is { } injected && injected.NodeId == call.Id)
        {
            call.Recorder.Threw(call.Id, injected);
            call.Recorder.Ended(call.Id, NodeOutcome.Faulted, injected.Kind.ToString());
            return;
        }

        call.Host.Report(DiagnosticKind.OperationError, call.Id,
            $"operation '{call.Leaf.Operation}' threw {error.GetType().Name} by itself ({error.Message}); the tree says this leaf {Says(call.Leaf)}, and the harness injects every failure, so the operation must not fail on its own: fix it or register a fake");
        call.Recorder.Ended(call.Id, NodeOutcome.Faulted, error.GetType().Name);
    }

    private static string Says(Leaf leaf) => leaf.Then switch
    {
        LeafEnd.Hang => "hangs until cancelled",
        LeafEnd.Succeed => "succeeds",
        _ => $"fails with {leaf.Error}",
    };

    /// <summary>One call of the leaf (a retrying pattern may call it again).</summary>
    private sealed class Call(string id, Leaf leaf, Func<CancellationToken, Task> operation, ResiliencePipeline pipeline, TraceRecorder recorder, RunHost host, CancellationToken token, CancellationToken watched)
    {
        public string Id { get; } = id;

        public Leaf Leaf { get; } = leaf;

        public Func<CancellationToken, Task> Operation { get; } = operation;

        public ResiliencePipeline Pipeline { get; } = pipeline;

        public TraceRecorder Recorder { get; } = recorder;

        public RunHost Host { get; } = host;

        /// <summary>The token the leaf was given: its cancellation is recorded.</summary>
        public CancellationToken Token { get; } = token;

        /// <summary>The token the leaf acts on: <see cref="Token"/>, or an outer one.</summary>
        public CancellationToken Watched { get; } = watched;

        public CancellationTokenRegistration Registration { get; set; }
    }
}
