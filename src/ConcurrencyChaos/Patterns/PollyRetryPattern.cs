using ConcurrencyChaos.Operations;
using Polly;
using Polly.Retry;

namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>polly-retry</c>: a Polly v8 retry (one retry after 10 ms, on the runtime's <see cref="TimeProvider"/>)
/// around the whole fan-out, <c>await Task.WhenAll(children)</c>.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// var pipeline = new ResiliencePipelineBuilder()
///     .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.FromMilliseconds(10) })
///     .Build();
/// public async Task ProcessAllAsync(IReadOnlyList&lt;Item&gt; items, CancellationToken ct) =&gt;
///     await pipeline.ExecuteAsync(async token =&gt; await Task.WhenAll(items.Select(item =&gt; ProcessAsync(item, token))), ct);
/// </code>
/// Characteristic failure: a retried fan-out re-invokes every child, including the ones that
/// already succeeded (work done twice: a payment charged twice), and the first attempt's errors are
/// handled by the retry and dropped. Because <see cref="Task.WhenAll(IEnumerable{Task})"/> waits for
/// every child before the retry sees the failure, no child of the first attempt is still running
/// when it is re-invoked. The retry does not handle <see cref="OperationCanceledException"/>, so a
/// caller's cancellation is not retried. Each attempt keeps WhenAll's own faults: only the first
/// error surfaces (lost errors) and siblings of a failure are not cancelled (not fail-fast).
/// </remarks>
internal static class PollyRetryPattern
{
    /// <summary>The delay before the retry.</summary>
    internal static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(10);

    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "polly-retry",
        "A Polly v8 retry around await Task.WhenAll(children): a retry re-invokes every child, those that succeeded too, and drops the first attempt's errors.",
        """
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.FromMilliseconds(10) })
            .Build();
        public async Task ProcessAllAsync(IReadOnlyList<Item> items, CancellationToken ct) =>
            await pipeline.ExecuteAsync(async token => await Task.WhenAll(items.Select(item => ProcessAsync(item, token))), ct);
        """,
        isStructured: false,
        Create);

    private static FanOutPattern Create(TimeProvider time)
    {
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 1, Delay = Delay, BackoffType = DelayBackoffType.Constant, UseJitter = false })
            .Build();
        return (children, cancellationToken) => PollyRun.ExecuteAsync(pipeline, token => WhenAllAsync(children, token), cancellationToken);
    }

    private static async Task WhenAllAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var tasks = children.Select(child => child(cancellationToken)).ToList();
        await Task.WhenAll(tasks);
    }
}
