using ConcurrencyChaos.Model;
using FsCheck;

namespace ConcurrencyChaos.Xunit;

/// <summary>
/// FsCheck arbitraries of the harness's types, for FsCheck.Xunit properties:
/// <c>[Property(Arbitrary = new[] { typeof(ChaosArbitraries) })] public void P(TaskTree tree)</c>.
/// Trees are the search's own (<see cref="ChaosTrees.Arbitrary"/>): sized by FsCheck's size, finishable by a
/// correct pattern, and shrinking to trees that still are, so a failing property reports a minimal tree.
/// </summary>
/// <remarks>
/// FsCheck registers every public static method of this class that returns an <see cref="Arbitrary{T}"/>,
/// so the class holds nothing else. For other bounds, write your own class with
/// <c>public static Arbitrary&lt;TaskTree&gt; TaskTree() =&gt; ChaosTrees.Arbitrary(maxNodes: 8, maxDepth: 2);</c>.
/// </remarks>
public static class ChaosArbitraries
{
    /// <summary>
    /// Task trees of at most 16 nodes nested at most 3 deep (the node bound grows with FsCheck's size:
    /// 2 + size / 6), that ideal structured semantics can finish.
    /// </summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TaskTree> TaskTree() => ChaosTrees.Arbitrary();
}
