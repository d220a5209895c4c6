namespace ConcurrencyChaos.Model;

/// <summary>
/// A group of children run by one fan-out pattern: the pattern under test, or the catalog
/// pattern named by <see cref="Pattern"/>.
/// </summary>
public sealed record Group : TreeNode
{
    private readonly IReadOnlyList<TreeNode> _children = [];
    private readonly int _nodeCount = 1;
    private TreePositions? _positions;

    /// <summary>Creates a group of these children, in order.</summary>
    public Group(params IEnumerable<TreeNode> children) => Children = [.. children];

    private Group(TreeNode[] children)
    {
        _children = Array.AsReadOnly(children);
        foreach (var child in children)
        {
            _nodeCount += child.NodeCount;
        }
    }

    /// <summary>The children, in the order the pattern receives them.</summary>
    public IReadOnlyList<TreeNode> Children
    {
        get => _children;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _children = [.. value];
            _nodeCount = 1 + _children.Sum(c => c.NodeCount);
            _positions = null; // a copy made by `with` keeps the positions of the children it replaces
        }
    }

    /// <summary>A catalog pattern id that runs this group instead of the pattern under test, or null.</summary>
    public string? Pattern { get; init; }

    /// <inheritdoc />
    public override int NodeCount => _nodeCount;

    /// <summary>
    /// This group's tree as the root of a <see cref="TaskTree"/>, by pre-order position, made when first asked for and kept:
    /// the runs and judges of one tree share it. Not part of equality.
    /// </summary>
    internal TreePositions Positions => _positions ??= TreePositions.Of(this); // benign race: two threads asking first make equal ones

    /// <summary>
    /// A group of <paramref name="children"/>, in order, that keeps the array instead of copying it (the public
    /// constructor copies twice): for the generator, whose arrays nobody else holds or changes.
    /// </summary>
    internal static Group Owning(TreeNode[] children) => new(children);

    /// <summary>The C# that builds this group, e.g. <c>new Group(new Leaf(), new Leaf { Work = 5 }) { Pattern = "when-all" }</c>.</summary>
    /// <returns>The C# expression (it needs <c>using ConcurrencyChaos.Model;</c>).</returns>
    public override string ToString() => CSharpTree.Render(this, string.Empty);

    /// <inheritdoc />
    public bool Equals(Group? other) =>
        other is not null && Pattern == other.Pattern && Children.SequenceEqual(other.Children);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Pattern);
        foreach (var child in Children)
        {
            hash.Add(child);
        }

        return hash.ToHashCode();
    }
}
