namespace ConcurrencyChaos;

/// <summary>
/// Declares that a fan-out method runs at most <see cref="MaxConcurrency"/> children at once (a throttle, batches,
/// a pool of workers). <c>ChaosPattern.Of</c> reads it from the method it is
/// given, so the search judges the method against an ideal throttle of that width instead of an unbounded group.
/// </summary>
/// <example>
/// <code>
/// [MaxConcurrency(2)]
/// public static Task ProcessAllAsync(IReadOnlyList&lt;Func&lt;CancellationToken, Task&gt;&gt; children, CancellationToken ct) { ... }
/// Chaos.Check(ChaosPattern.Of(ProcessAllAsync));
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MaxConcurrencyAttribute : Attribute
{
    /// <summary>Declares the bound.</summary>
    /// <param name="maxConcurrency">How many children run at once, at most; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is below 1.</exception>
    public MaxConcurrencyAttribute(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        MaxConcurrency = maxConcurrency;
    }

    /// <summary>Gets how many children the method runs at once, at most.</summary>
    public int MaxConcurrency { get; }
}
