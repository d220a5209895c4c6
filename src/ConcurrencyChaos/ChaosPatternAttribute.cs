namespace ConcurrencyChaos;

/// <summary>
/// Marks a static method of your own code as a fan-out pattern the <c>chaos</c> command can search,
/// replay and show (<c>chaos explore --assembly Team.dll --pattern ID</c>), under the id scenario files
/// use for it in <c>expect</c>.
/// </summary>
/// <remarks>
/// The method has one of two shapes:
/// <list type="bullet">
/// <item><description>the pattern itself:
/// <c>static Task M(IReadOnlyList&lt;Func&lt;CancellationToken, Task&gt;&gt; children, CancellationToken cancellationToken)</c>;</description></item>
/// <item><description>a factory that makes it from the clock to take delays and timeouts from:
/// <c>static Func&lt;IReadOnlyList&lt;Func&lt;CancellationToken, Task&gt;&gt;, CancellationToken, Task&gt; M(TimeProvider time)</c>.</description></item>
/// </list>
/// The id must be unique among the loaded assemblies and must not be a catalog id (<c>when-all</c>, ...).
/// </remarks>
/// <example>
/// <code>
/// [ChaosPattern("fetch-all", Summary = "Fetches every page with Task.WhenAll")]
/// public static Task FetchAllAsync(IReadOnlyList&lt;Func&lt;CancellationToken, Task&gt;&gt; pages, CancellationToken cancellationToken) =&gt;
///     Task.WhenAll(pages.Select(page =&gt; page(cancellationToken)));
/// </code>
/// </example>
/// <param name="id">The pattern's id, in kebab-case (lower-case letters and digits, words joined by '-'), e.g. <c>fetch-all</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ChaosPatternAttribute(string id) : Attribute
{
    /// <summary>Gets the pattern's id, as <c>--pattern</c> and scenario files name it.</summary>
    public string Id { get; } = id;

    /// <summary>Gets or sets one line saying what the pattern does, shown by <c>chaos patterns</c>.</summary>
    public string? Summary { get; set; }
}
