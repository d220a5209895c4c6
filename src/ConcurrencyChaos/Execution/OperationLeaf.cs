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
/// so an operation leaf ends as the same leaf without an operation would, and is judged the same way.
/// </summary>
/// <remarks>
/// Like <see cref="LeafTask"/>, its <c>Ended</c> event is recorded before its task completes. An
/// exception the operation throws by itself (not one the pipeline injected, and not a cancellation of
/// its token) is reported as an <c>operation-error</c> diagnostic: the tree said this leaf succeeds, so
/// the run is no longer the experiment it stands for, and the search stops with a clear error.
/// </remarks>
internal static class OperationLeaf
{
    public static Func<CancellationToken, Task> Create(string id, Leaf leaf, Func<CancellationToken, Task> operation, TraceRecorder recorder, RunHost runtime, int seed)
    {
        var pipeline = ChaosPipelines.For(leaf, id, runtime.Clock, seed);
        return token => StartAsync(new Run(id, leaf, operation, pipeline, recorder, runtime, token));
    }

    private static Task StartAsync(Run run)
    {
        run.Recorder.Started(run.Id);
        if (run.Token.IsCancellationRequested)
        {
            run.Recorder.TokenCancelled(run.Id);
        }
        else if (run.Token.CanBeCanceled)
        {
            run.Registration = run.Token.UnsafeRegister(static (state, _) => ((Run)state!).Recorder.TokenCancelled(((Run)state!).Id), run);
        }

        var execution = ExecuteAsync(run);
        if (run.Leaf.Then == LeafEnd.ThrowSync && execution.IsFaulted)
        {
            // The fault strategy injects before anything awaits: throw it out of the delegate, which is what ThrowSync stands for.
            var error = execution.Exception.InnerExceptions[0];
            Ended(run, error);
            ExceptionDispatchInfo.Throw(error);
        }

        return EndAsync(run, execution);
    }

    /// <summary>The pipeline around the operation; a leaf that ignores its token gets none.</summary>
    private static Task ExecuteAsync(Run run) =>
        PollyRun.ExecuteAsync(run.Pipeline, run.Operation, run.Leaf.OnCancel == CancelBehavior.Ignore ? CancellationToken.None : run.Token);

    private static async Task EndAsync(Run run, Task execution)
    {
        try
        {
#pragma warning disable VSTHRD003 // the execution was started by this leaf, on this context, just before
            await execution;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested && run.Leaf.OnCancel != CancelBehavior.Ignore)
        {
            run.Recorder.Resumed(run.Id);
            if (run.Leaf.Cleanup > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(run.Leaf.Cleanup), run.Runtime.Clock);
                run.Recorder.Resumed(run.Id);
            }

            run.Registration.Unregister();
            switch (run.Leaf.OnCancel)
            {
                case CancelBehavior.Swallow:
                    run.Recorder.Ended(run.Id, NodeOutcome.RanToCompletion);
                    return;
                case CancelBehavior.Fail:
                    throw LeafTask.Fault(run.Id, run.Leaf.CleanupError, ErrorOrigin.Cleanup, run.Recorder);
                default:
                    run.Recorder.Ended(run.Id, NodeOutcome.Canceled);
                    throw new OperationCanceledException(run.Token);
            }
        }
        catch (Exception error)
        {
            run.Recorder.Resumed(run.Id);
            Ended(run, error);
            throw;
        }

        run.Recorder.Resumed(run.Id);
        run.Registration.Unregister();
        run.Recorder.Ended(run.Id, NodeOutcome.RanToCompletion);
    }

    /// <summary>Records a faulted end: the injected error the pipeline threw, or the operation's own exception.</summary>
    private static void Ended(Run run, Exception error)
    {
        run.Registration.Unregister();
        if (InjectedError.Of(error) is { } injected && injected.NodeId == run.Id)
        {
            run.Recorder.Threw(run.Id, injected);
            run.Recorder.Ended(run.Id, NodeOutcome.Faulted, injected.Kind.ToString());
            return;
        }

        run.Runtime.Report(DiagnosticKind.OperationError, run.Id,
            $"operation '{run.Leaf.Operation}' threw {error.GetType().Name} by itself ({error.Message}); the tree says this leaf {Says(run.Leaf)}, and the harness injects every failure, so the operation must not fail on its own: fix it or register a fake");
        run.Recorder.Ended(run.Id, NodeOutcome.Faulted, error.GetType().Name);
    }

    private static string Says(Leaf leaf) => leaf.Then switch
    {
        LeafEnd.Hang => "hangs until cancelled",
        LeafEnd.Succeed => "succeeds",
        _ => $"fails with {leaf.Error}",
    };

    /// <summary>One call of the leaf (a retrying pattern may call it again).</summary>
    private sealed class Run(string id, Leaf leaf, Func<CancellationToken, Task> operation, ResiliencePipeline pipeline, TraceRecorder recorder, RunHost runtime, CancellationToken token)
    {
        public string Id { get; } = id;

        public Leaf Leaf { get; } = leaf;

        public Func<CancellationToken, Task> Operation { get; } = operation;

        public ResiliencePipeline Pipeline { get; } = pipeline;

        public TraceRecorder Recorder { get; } = recorder;

        public RunHost Runtime { get; } = runtime;

        public CancellationToken Token { get; } = token;

        public CancellationTokenRegistration Registration { get; set; }
    }
}
