namespace ConcurrencyChaos.Model;

/// <summary>
/// A tree's nodes by their position in its pre-order (the order of <see cref="TaskTree.Entries"/>): each node, the
/// position of its parent, where its children are, and its path id, made when first asked for. Made once per
/// <see cref="Group"/> used as a root and kept by it (<see cref="Group.Positions"/>), so that every run and judge of one
/// tree shares it: a walk into arrays of the tree's size, no entry objects, and no id built that nobody reads.
/// </summary>
internal sealed class TreePositions
{
    private readonly TreeNode[] _nodes;
    private readonly int[] _parents;
    private readonly int[] _firstChild;
    private readonly int[] _children;
    private string?[]? _ids;

    private TreePositions(Group root)
    {
        var count = root.NodeCount;
        _nodes = new TreeNode[count];
        _parents = new int[count];
        _firstChild = new int[count];
        _children = new int[count];

        // No stack: a group's children follow it in pre-order, each after the whole subtree of the one before, so
        // placing the children of each position in turn places every node before its own turn comes.
        _nodes[0] = root;
        _parents[0] = -1;
        var slots = 0;
        for (var position = 0; position < count; position++)
        {
            if (_nodes[position] is not Group group)
            {
                continue;
            }

            var children = group.Children;
            _firstChild[position] = slots;
            var at = position + 1;
            for (var i = 0; i < children.Count; i++)
            {
                _nodes[at] = children[i];
                _parents[at] = position;
                _children[slots++] = at;
                at += children[i].NodeCount;
            }
        }
    }

    /// <summary>How many nodes the tree holds, groups included.</summary>
    public int Count => _nodes.Length;

    /// <summary>The shape of the tree whose root is <paramref name="root"/>.</summary>
    public static TreePositions Of(Group root) => new(root);

    /// <summary>The node at <paramref name="position"/>.</summary>
    public TreeNode NodeAt(int position) => _nodes[position];

    /// <summary>The position of the group that holds the node at <paramref name="position"/>; -1 for the root.</summary>
    public int ParentAt(int position) => _parents[position];

    /// <summary>The id of the node at <paramref name="position"/>, e.g. "0.1.2" (<see cref="TaskTree.ChildId"/>), made once.</summary>
    public string IdAt(int position)
    {
        // Benign race: two threads asking first both make the same id.
        var ids = _ids ??= new string?[Count];
        if (ids[position] is { } id)
        {
            return id;
        }

        if (position == 0)
        {
            return ids[0] = TaskTree.RootId;
        }

        // A group's children are in increasing positions: the index of this one is found by halving.
        var parent = _parents[position];
        var first = _firstChild[parent];
        var index = Array.BinarySearch(_children, first, ((Group)_nodes[parent]).Children.Count, position) - first;
        return ids[position] = TaskTree.ChildId(IdAt(parent), index);
    }

    /// <summary>
    /// The position of the node <paramref name="nodeId"/> names, read off the id itself ("0", then ".k" for child k):
    /// no dictionary of ids. -1 for an id that names no node of the tree, or is not spelled as
    /// <see cref="TaskTree.ChildId"/> spells it.
    /// </summary>
    public int PositionOf(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (nodeId.Length == 0 || nodeId[0] != '0')
        {
            return -1;
        }

        var position = 0;
        var at = 1;
        while (at < nodeId.Length)
        {
            if (nodeId[at] != '.' || _nodes[position] is not Group group)
            {
                return -1;
            }

            var start = ++at;
            var index = 0;
            while (at < nodeId.Length && nodeId[at] is >= '0' and <= '9' && at - start < 9)
            {
                index = (index * 10) + (nodeId[at++] - '0');
            }

            var digits = at - start;
            if (digits == 0 || (digits > 1 && nodeId[start] == '0') || (at < nodeId.Length && nodeId[at] != '.') || index >= group.Children.Count)
            {
                return -1;
            }

            position = _children[_firstChild[position] + index];
        }

        return position;
    }
}
