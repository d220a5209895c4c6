namespace ConcurrencyChaos;

/// <summary>One pattern's row of the matrix drawn by <see cref="Pictures.HtmlMatrix"/>.</summary>
/// <param name="PatternId">The pattern's catalog id (or a consumer pattern's name).</param>
/// <param name="IsStructured">Whether the pattern is a structured one (task-group, supervisor).</param>
/// <param name="ByInvariant">
/// Per checked invariant id: the minimal counterexample when the pattern broke it, null when it held.
/// An invariant missing from the dictionary was not checked.
/// </param>
public sealed record MatrixRow(string PatternId, bool IsStructured, IReadOnlyDictionary<string, Counterexample?> ByInvariant);
