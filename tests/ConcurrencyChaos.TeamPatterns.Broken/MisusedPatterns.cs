namespace ConcurrencyChaos.TeamPatterns.Broken;

/// <summary>Misuses of <see cref="ChaosPatternAttribute"/>, one per method.</summary>
public sealed class MisusedPatterns
{
    /// <summary>Wrong signature: no token.</summary>
    [ChaosPattern("no-token")]
    public static Task NoTokenAsync(IReadOnlyList<Func<CancellationToken, Task>> children) => Task.WhenAll(children.Select(c => c(default)));

    /// <summary>Not static.</summary>
    [ChaosPattern("instance")]
    public Task InstanceAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
        Task.WhenAll(children.Select(c => c(cancellationToken)));

    /// <summary>A catalog id.</summary>
    [ChaosPattern("when-all")]
    public static Task WhenAllAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
        Task.WhenAll(children.Select(c => c(cancellationToken)));

    /// <summary>First use of an id.</summary>
    [ChaosPattern("twice")]
    public static Task FirstAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
        Task.WhenAll(children.Select(c => c(cancellationToken)));

    /// <summary>Second use of the same id.</summary>
    [ChaosPattern("twice")]
    public static Task SecondAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
        Task.WhenAll(children.Select(c => c(cancellationToken)));

    /// <summary>A bound that lets no child run.</summary>
    [ChaosPattern("no-slots")]
    [MaxConcurrency(0)]
    public static Task NoSlotsAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
        Task.WhenAll(children.Select(c => c(cancellationToken)));

    /// <summary>Not kebab-case.</summary>
    [ChaosPattern("Fetch All")]
    public static Task BadIdAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken) =>
        Task.WhenAll(children.Select(c => c(cancellationToken)));
}
