namespace ConcurrencyChaos.Generation;

/// <summary>The bounds of generated trees.</summary>
/// <param name="MaxNodes">The most nodes a tree may have, groups included (at least 2); a search's trees grow to it.</param>
/// <param name="MaxDepth">How deep groups may nest (at least 1: the root only).</param>
/// <param name="MaxChildren">The most children a group may have (at least 1).</param>
/// <param name="MaxDelay">The longest delay, in virtual ms: a leaf's work or cleanup, the caller's cancel time (at least 0).</param>
internal sealed record TreeShape(int MaxNodes, int MaxDepth, int MaxChildren, int MaxDelay)
{
    /// <summary>The default longest delay: five virtual minutes, so timeouts of seconds and tens of seconds are reached.</summary>
    public const int DefaultMaxDelay = 5 * 60 * 1000;

    /// <summary>Rejects bounds no tree can meet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public TreeShape Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNodes, 2, "maxNodes");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, "maxDepth");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChildren, 1, "maxChildren");
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDelay, "maxDelay");
        return this;
    }
}
