using Contoso.FanOut;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>The library's fan-outs by name, as the harness takes them (a method group is a pattern).</summary>
public static class FanOuts
{
    /// <summary>Every fan-out of the library, in the order of the list, then the pre-async/await ones.</summary>
    public static IReadOnlyDictionary<string, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> All { get; } =
        new Dictionary<string, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>(StringComparer.Ordinal)
        {
            ["configure-await-false-group"] = ResilientFanOut.RunAllAsync,
            ["task-run-per-child"] = ResilientFanOut.RunAllOnThreadPoolAsync,
            ["semaphore-throttled"] = ResilientFanOut.RunThrottledAsync,
            ["parallel-foreach-async"] = BatchProcessor.ProcessInParallelAsync,
            ["when-each-break"] = BatchProcessor.ProcessAsTheyCompleteAsync,
            ["polly-retry-timeout"] = ResilientClient.CallAllAsync,
            ["deadline-heartbeat"] = DeadlineRunner.RunWithDeadlineAsync,
            ["continue-with-group"] = LegacyFanOut.RunWithContinuationsAsync,
            ["begin-end-group"] = LegacyFanOut.RunThroughBeginEndAsync,
            ["method-groups-on-pool"] = LegacyFanOut.RunOnPoolThroughMethodGroupsAsync,
            ["staggered-by-delay-method-group"] = LegacyFanOut.RunStaggeredAsync,
        };

    /// <summary>The fan-out named <paramref name="name"/> as a pattern named after it.</summary>
    /// <param name="name">A key of <see cref="All"/>.</param>
    /// <returns>The pattern.</returns>
    public static ChaosPattern Pattern(string name) => ChaosPattern.Of(All[name], name);
}
