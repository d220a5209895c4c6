using Polly;

namespace ConcurrencyChaos.Operations;

/// <summary>Runs a child through a Polly pipeline on the caller's context.</summary>
internal static class PollyRun
{
    /// <summary>
    /// Runs <paramref name="body"/> in <paramref name="pipeline"/> with a pooled context that continues on
    /// the captured context (Polly's default, false, would leave the deterministic runtime).
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="body">The work; it gets the pipeline's token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The pipeline's execution; completed on return (faulted, for a fault injected before any await) when nothing awaited.</returns>
    public static async Task ExecuteAsync(ResiliencePipeline pipeline, Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, cancellationToken);
        try
        {
            await pipeline.ExecuteAsync(static (context, body) => new ValueTask(body(context.CancellationToken)), context, body);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
