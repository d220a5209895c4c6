namespace ConcurrencyChaos.Model;

/// <summary>terminates: the root never ended, though ideal structured semantics would have finished the tree.</summary>
/// <param name="Waiting">The nodes still waiting when the run stopped: leaves in tree order, then groups, innermost first.</param>
/// <param name="Status">How the run stopped.</param>
/// <param name="EndTime">Virtual ms at which the run stopped.</param>
public sealed record NonTerminationFinding(IReadOnlyList<string> Waiting, RunStatus Status, long EndTime) : Finding(TaskTree.RootId)
{
    /// <summary>Equal when every field is, the waiting nodes compared in order.</summary>
    public bool Equals(NonTerminationFinding? other) =>
        base.Equals(other) && Status == other.Status && EndTime == other.EndTime && Waiting.SequenceEqual(other.Waiting, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        hash.Add(Status);
        hash.Add(EndTime);
        foreach (var id in Waiting)
        {
            hash.Add(id, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
