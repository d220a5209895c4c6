namespace ConcurrencyChaos.Model;

/// <summary>One pattern's row of the pattern × invariant matrix, as a reporter is given it.</summary>
/// <param name="PatternId">The pattern's catalog id (or a consumer pattern's name).</param>
/// <param name="IsStructured">Whether the pattern is a structured one (task-group, supervisor).</param>
/// <param name="ByInvariant">
/// Per checked invariant id: the minimal counterexample when the pattern broke it, null when it held. An
/// invariant missing from the dictionary was not checked. Cells that share one counterexample share one instance.
/// </param>
internal sealed record ReportedMatrixRow(string PatternId, bool IsStructured, IReadOnlyDictionary<string, ReportedCounterexample?> ByInvariant);
