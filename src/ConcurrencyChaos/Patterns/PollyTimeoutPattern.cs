using ConcurrencyChaos.Operations;
using Polly;

namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>polly-timeout</c>: each child runs inside a Polly v8 timeout pipeline (30 ms, on the runtime's
/// <see cref="TimeProvider"/>), and the wrapped children are awaited with <see cref="Task.WhenAll(IEnumerable{Task})"/>.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// var pipeline = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromMilliseconds(30)).Build();
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var tasks = items.Select(item =&gt; pipeline.ExecuteAsync(token =&gt; new ValueTask(ProcessAsync(item, token)), ct).AsTask());
///     await Task.WhenAll(tasks);
/// }
/// </code>
/// Characteristic failure: Polly v8's timeout is cooperative only. It cancels the token it hands to
/// the child and then still awaits the child, so a child that ignores its token is <em>not</em> walked
/// away from (there is no pessimistic timeout in v8): no orphan, but the timeout is silently not
/// enforced. A child that throws <see cref="OperationCanceledException"/> after the timeout is turned
/// into a <see cref="Polly.Timeout.TimeoutRejectedException"/>; a child that fails during its cleanup
/// keeps its own error. What goes wrong is the <see cref="Task.WhenAll(IEnumerable{Task})"/> around
/// it: <c>await</c> surfaces only the first error (lost errors) and nobody cancels the siblings of a
/// failure (not fail-fast). The caller's token reaches every child through the pipeline's linked
/// token. Contexts are taken with <c>continueOnCapturedContext: true</c>, so Polly's own awaits stay
/// on the caller's context.
/// </remarks>
internal static class PollyTimeoutPattern
{
    /// <summary>The timeout of each child.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(30);

    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "polly-timeout",
        "Each child in a Polly v8 timeout pipeline (30 ms), then await Task.WhenAll: the timeout only cancels the token and still waits for the child, and WhenAll loses all errors but the first.",
        """
        var pipeline = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromMilliseconds(30)).Build();
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            var tasks = items.Select(item => pipeline.ExecuteAsync(token => new ValueTask(ProcessAsync(item, token)), ct).AsTask());
            await Task.WhenAll(tasks);
        }
        """,
        isStructured: false,
        Create);

    private static FanOutPattern Create(TimeProvider time)
    {
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(Timeout).Build();
        return (children, cancellationToken) => RunAsync(pipeline, children, cancellationToken);
    }

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="pipeline">The timeout pipeline each child runs in.</param>
    /// <param name="children">The children to run.</param>
    /// <param name="cancellationToken">The caller's token, linked by the pipeline into each child's token.</param>
    /// <returns>The awaited <see cref="Task.WhenAll(IEnumerable{Task})"/> of the wrapped children.</returns>
    public static async Task RunAsync(ResiliencePipeline pipeline, IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var tasks = children.Select(child => PollyRun.ExecuteAsync(pipeline, child, cancellationToken)).ToList();
        await Task.WhenAll(tasks);
    }
}
