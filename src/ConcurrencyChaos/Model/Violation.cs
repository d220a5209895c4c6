namespace ConcurrencyChaos.Model;

/// <summary>One broken invariant in one run, explained in a single line of plain words.</summary>
/// <param name="Invariant">The invariant's id, e.g. "errors-observed" (see Judging.InvariantCatalog).</param>
/// <param name="Message">
/// One line naming the nodes and virtual times involved, e.g. "0.1 never ended, though its group 0 ended at 10 ms".
/// </param>
public sealed record Violation(string Invariant, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Invariant}: {Message}";
}
