namespace ConcurrencyChaos.Model;

/// <summary>A node of a <see cref="TaskTree"/>: a <see cref="Leaf"/> or a <see cref="Group"/>.</summary>
public abstract record TreeNode
{
    private protected TreeNode()
    {
    }

    /// <summary>How many nodes this subtree holds, itself included.</summary>
    public abstract int NodeCount { get; }
}
