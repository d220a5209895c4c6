using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Contoso.FanOut;

/// <summary>Calls every operation through a Polly v8 retry + timeout pipeline, with Polly's default options.</summary>
public static class ResilientClient
{
    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions())
        .AddTimeout(new TimeoutStrategyOptions())
        .Build();

    /// <summary>Runs every operation through the pipeline, concurrently, and waits for all of them.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every call has.</returns>
    public static async Task CallAllAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var calls = operations.Select(operation => Pipeline.ExecuteAsync(
            async token => await operation(token).ConfigureAwait(false),
            cancellationToken).AsTask());
        await Task.WhenAll(calls).ConfigureAwait(false);
    }
}
