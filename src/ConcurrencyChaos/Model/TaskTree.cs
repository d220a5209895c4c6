namespace ConcurrencyChaos.Model;

/// <summary>
/// A generated or authored task tree: a root group, an optional caller cancellation time and the
/// scheduler seed that orders same-instant events. Node ids are stable paths: the root is "0", its
/// children "0.0", "0.1", their children "0.1.0", and so on.
/// </summary>
/// <param name="Root">The root group.</param>
/// <param name="CancelAfter">Virtual ms after which the caller cancels its token, or null for never.</param>
/// <param name="Seed">The scheduler seed.</param>
public sealed record TaskTree(Group Root, int? CancelAfter = null, int Seed = 0)
{
    /// <summary>The id of the root group.</summary>
    public const string RootId = "0";

    /// <summary>How many nodes the tree holds, groups included.</summary>
    public int NodeCount => Root.NodeCount;

    /// <summary>The tree's nodes by pre-order position (<see cref="Group.Positions"/> of its root), shared by every run and judge of it.</summary>
    internal TreePositions Positions => Root.Positions;

    /// <summary>Every node with its id and its parent's id (null for the root), in pre-order.</summary>
    public IEnumerable<TreeEntry> Entries()
    {
        var stack = new Stack<TreeEntry>();
        stack.Push(new TreeEntry(RootId, null, Root));
        while (stack.Count > 0)
        {
            var entry = stack.Pop();
            yield return entry;
            if (entry.Node is Group group)
            {
                for (var i = group.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(new TreeEntry(ChildId(entry.Id, i), entry.Id, group.Children[i]));
                }
            }
        }
    }

    /// <summary>The C# that builds this tree, e.g. <c>new TaskTree(new Group(new Leaf { Then = LeafEnd.Fail }), CancelAfter: 5, Seed: 0)</c>.</summary>
    /// <returns>The C# expression (it needs <c>using ConcurrencyChaos.Model;</c>).</returns>
    public override string ToString() => CSharpTree.Render(this, string.Empty);

    /// <summary>The id of child <paramref name="index"/> of the node <paramref name="parentId"/>.</summary>
    public static string ChildId(string parentId, int index) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{parentId}.{index}");
}
