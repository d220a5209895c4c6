namespace ConcurrencyChaos.Model;

/// <summary>A node of a tree with its stable id and its parent's id (null for the root).</summary>
/// <param name="Id">The node's path id, e.g. "0.1.2".</param>
/// <param name="ParentId">The parent group's id, or null for the root.</param>
/// <param name="Node">The node.</param>
public sealed record TreeEntry(string Id, string? ParentId, TreeNode Node);
