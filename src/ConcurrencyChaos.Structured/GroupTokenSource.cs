namespace ConcurrencyChaos;

/// <summary>
/// A <see cref="TaskGroup"/>'s own token source: a group started with another group's <see cref="TaskGroup.Token"/>
/// finds its parent from that token's source, with no table of running groups to keep.
/// </summary>
internal sealed class GroupTokenSource(TaskGroup group) : CancellationTokenSource
{
    /// <summary>Gets the group whose <see cref="TaskGroup.Token"/> this source makes.</summary>
    public TaskGroup Group => group;
}
