namespace ConcurrencyChaos.Patterns;

/// <summary>
/// One entry of the <see cref="PatternCatalog"/>: a way of running child tasks under a token that
/// people really write (or a structured one that gets it right), with the real-world code it stands
/// for.
/// </summary>
/// <remarks>
/// A pattern is BCL-shaped, <c>Func&lt;IReadOnlyList&lt;Func&lt;CancellationToken, Task&gt;&gt;, CancellationToken, Task&gt;</c>:
/// "run these children under this token". Catalog patterns await normally (they keep the
/// caller's <see cref="SynchronizationContext"/>), take any time they need from the
/// <see cref="TimeProvider"/> given to <see cref="Create"/>, and are deterministic, so they can run
/// inside the deterministic runtime with virtual time.
/// </remarks>
public sealed class CatalogPattern
{
    private readonly Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> _factory;

    internal CatalogPattern(
        string id,
        string summary,
        string realCode,
        bool isStructured,
        Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>> factory,
        bool runsControlled = true,
        int? maxConcurrency = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(realCode);
        ArgumentNullException.ThrowIfNull(factory);
        Id = id;
        Summary = summary;
        RealCode = realCode;
        IsStructured = isStructured;
        RunsControlled = runsControlled;
        MaxConcurrency = maxConcurrency is null or >= 1
            ? maxConcurrency
            : throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "A pattern runs at least one child at once.");
        _factory = factory;
    }

    /// <summary>The pattern's kebab-case id, e.g. <c>when-all</c>.</summary>
    public string Id { get; }

    /// <summary>One line: what people write and what goes wrong.</summary>
    public string Summary { get; }

    /// <summary>A short C# snippet of the real-world code this pattern stands for.</summary>
    public string RealCode { get; }

    /// <summary>
    /// Whether the pattern is structured: it waits for every child, reports every error and
    /// passes cancellation on. The naive patterns are not.
    /// </summary>
    public bool IsStructured { get; }

    /// <summary>
    /// Whether the pattern's code stays on the deterministic runtime. False for code that leaves it
    /// by itself (e.g. <c>Task.WhenEach</c> awaits with <c>ConfigureAwait(false)</c>): its controlled runs
    /// carry a <c>thread-pool</c> diagnostic and may not replay exactly, so check it in real-time mode
    /// (<see cref="Execution.ExecutionMode.RealTime"/>) and do not pin its verdicts on a seed.
    /// </summary>
    public bool RunsControlled { get; }

    /// <summary>
    /// How many children the pattern runs at once, at most (its degree of parallelism, its workers), or null when it
    /// starts every child at once. The ideal the pattern is judged against is bounded the same way.
    /// </summary>
    public int? MaxConcurrency { get; }

    /// <summary>Creates the pattern's delegate, taking any time it needs from <paramref name="time"/>.</summary>
    /// <param name="time">The clock for delays and timeouts; patterns that need no time ignore it.</param>
    /// <returns>A delegate that runs the given children under the given token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="time"/> is <see langword="null"/>.</exception>
    public Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return _factory(time);
    }

    /// <summary>Returns <see cref="Id"/>.</summary>
    /// <returns>The pattern's id.</returns>
    public override string ToString() => Id;
}
