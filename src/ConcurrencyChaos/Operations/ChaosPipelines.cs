using ConcurrencyChaos.Model;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Behavior;
using Polly.Simmy.Fault;
using Polly.Simmy.Latency;

namespace ConcurrencyChaos.Operations;

/// <summary>
/// Polly v8 chaos pipelines (Simmy) that make a consumer's real operation behave like a tree's
/// <see cref="Leaf"/>: its latency, its fault and its hang come from Polly's own chaos strategies, so
/// the same pipeline can be put in front of a real dependency in a consumer's DI container.
/// </summary>
/// <remarks>
/// Every strategy is injected with rate 1: what happens is decided by the leaf, never by chance. The
/// strategies' randomizer is still seeded (from <c>seed</c>), so nothing in the pipeline draws from a
/// shared random source. Run the pipeline with a context from
/// <c>ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, ct)</c> to keep its awaits on
/// the caller's context (Polly's default leaves it). What the pipeline does:
/// <list type="bullet">
/// <item><description><see cref="Leaf.Work"/> &gt; 0 (and not a hang): <c>AddChaosLatency</c> of that many
/// milliseconds on <c>time</c>, cancelled by the execution's token.</description></item>
/// <item><description><see cref="LeafEnd.Hang"/>: <c>AddChaosBehavior</c> that waits until the execution's
/// token is cancelled; the operation is not called.</description></item>
/// <item><description><see cref="LeafEnd.Fail"/> and <see cref="LeafEnd.ThrowSync"/>: <c>AddChaosFault</c>
/// injecting the leaf's tagged error (<see cref="InjectedError.CreateException"/>) after the latency,
/// instead of calling the operation.</description></item>
/// <item><description><see cref="LeafEnd.Succeed"/>: the operation is called after the latency.</description></item>
/// </list>
/// The leaf's cancel behaviour and cleanup are not realised: the chaos strategies throw
/// <see cref="OperationCanceledException"/> when cancelled, as a well-behaved operation does.
/// </remarks>
public static class ChaosPipelines
{
    /// <summary>A pipeline whose chaos strategies realise <paramref name="leaf"/> around whatever operation it runs.</summary>
    /// <param name="leaf">The leaf to realise.</param>
    /// <param name="nodeId">The node id the injected error is tagged with, e.g. "0.1".</param>
    /// <param name="time">The clock of the latency and of the hang; the runtime's one inside the harness.</param>
    /// <param name="seed">Seeds the strategies' randomizer (injection is certain, so it never changes the outcome).</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ResiliencePipeline For(Leaf leaf, string nodeId, TimeProvider time, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(time);
        return new ResiliencePipelineBuilder { TimeProvider = time }.AddConcurrencyChaos(leaf, nodeId, seed).Build();
    }

    /// <summary>Adds the chaos strategies that realise <paramref name="leaf"/> (see <see cref="ChaosPipelines"/>) to <paramref name="builder"/>.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder; give it the clock to use through its <see cref="ResiliencePipelineBuilderBase.TimeProvider"/>.</param>
    /// <param name="leaf">The leaf to realise.</param>
    /// <param name="nodeId">The node id the injected error is tagged with.</param>
    /// <param name="seed">Seeds the strategies' randomizer.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static TBuilder AddConcurrencyChaos<TBuilder>(this TBuilder builder, Leaf leaf, string nodeId, int seed = 0)
        where TBuilder : ResiliencePipelineBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(nodeId);
        var random = new Random(seed);
        Func<double> randomizer = random.NextDouble;

        if (leaf.Then == LeafEnd.Hang)
        {
            var time = builder.TimeProvider ?? TimeProvider.System;
            return builder.AddChaosBehavior(new ChaosBehaviorStrategyOptions
            {
                InjectionRate = 1,
                Randomizer = randomizer,
                BehaviorGenerator = args => new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, time, args.Context.CancellationToken)),
            });
        }

        if (leaf.Work > 0 && leaf.Then != LeafEnd.ThrowSync)
        {
            builder.AddChaosLatency(new ChaosLatencyStrategyOptions
            {
                InjectionRate = 1,
                Randomizer = randomizer,
                Latency = TimeSpan.FromMilliseconds(leaf.Work),
            });
        }

        if (leaf.Faults)
        {
            var error = new InjectedError(nodeId, leaf.Error, leaf.Then == LeafEnd.ThrowSync ? ErrorOrigin.ThrowSync : ErrorOrigin.Fail);
            builder.AddChaosFault(new ChaosFaultStrategyOptions
            {
                InjectionRate = 1,
                Randomizer = randomizer,
                FaultGenerator = _ => new ValueTask<Exception?>(error.CreateException()),
            });
        }

        return builder;
    }
}
