namespace ConcurrencyChaos.Model;

/// <summary>One broken invariant in one run, explained in a single line of plain words and described as data.</summary>
/// <param name="Invariant">The invariant's id, e.g. "errors-observed" (see Judging.InvariantCatalog).</param>
/// <param name="Message">
/// One line naming the nodes and virtual times involved, e.g. "0.1 never ended, though its group 0 ended at 10 ms".
/// </param>
/// <remarks>
/// A built-in invariant words its violation only when <see cref="Message"/> is first read: a search judges far more
/// violations than anyone reads (a shrinking step, a tree of thousands of nodes), and the line is the same whenever
/// it is made, from the finding alone. Two violations are equal when their invariant, message and finding are.
/// </remarks>
public sealed record Violation(string Invariant, string Message)
{
    private readonly Func<Finding, string>? _say;
    private readonly Finding? _said;
    private string? _message = Message;

    /// <summary>A violation whose message <paramref name="say"/> words from <paramref name="finding"/> on first read.</summary>
    internal Violation(string invariant, Finding finding, Func<Finding, string> say)
        : this(invariant, null!)
    {
        _say = say;
        _said = finding;
        Finding = finding;
    }

    /// <summary>
    /// Gets one line naming the nodes and virtual times involved, e.g. "0.1 never ended, though its group 0 ended at 10 ms".
    /// </summary>
    public string Message
    {
        // Benign race: two threads reading it first both word the same line.
        get => _message ??= _say!(_said!);
        init => _message = value;
    }

    /// <summary>
    /// What the invariant found, as data a reporter can draw (an <see cref="OrphanFinding"/>, a
    /// <see cref="LostErrorFinding"/>, ...); null only for a violation made without one.
    /// </summary>
    public Finding? Finding { get; init; }

    /// <summary>The node the violation is about, or null when it has no <see cref="Finding"/>.</summary>
    public string? NodeId => Finding?.NodeId;

    /// <inheritdoc />
    public bool Equals(Violation? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Invariant, other.Invariant, StringComparison.Ordinal)
            && string.Equals(Message, other.Message, StringComparison.Ordinal)
            && EqualityComparer<Finding?>.Default.Equals(Finding, other.Finding));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Invariant, Message, Finding);

    /// <inheritdoc />
    public override string ToString() => $"{Invariant}: {Message}";
}
