namespace ConcurrencyChaos.Model;

/// <summary>One broken invariant in one run, explained in a single line of plain words and described as data.</summary>
/// <param name="Invariant">The invariant's id, e.g. "errors-observed" (see Judging.InvariantCatalog).</param>
/// <param name="Message">
/// One line naming the nodes and virtual times involved, e.g. "0.1 never ended, though its group 0 ended at 10 ms".
/// </param>
public sealed record Violation(string Invariant, string Message)
{
    /// <summary>
    /// What the invariant found, as data a reporter can draw (an <see cref="OrphanFinding"/>, a
    /// <see cref="LostErrorFinding"/>, ...); null only for a violation made without one.
    /// </summary>
    public Finding? Finding { get; init; }

    /// <summary>The node the violation is about, or null when it has no <see cref="Finding"/>.</summary>
    public string? NodeId => Finding?.NodeId;

    /// <inheritdoc />
    public override string ToString() => $"{Invariant}: {Message}";
}
