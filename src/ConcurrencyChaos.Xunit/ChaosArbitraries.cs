using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Shrinking;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Xunit;

/// <summary>
/// FsCheck arbitraries of the harness's types, for FsCheck.Xunit properties:
/// <c>[Property(Arbitrary = new[] { typeof(ChaosArbitraries) })] public void P(TaskTree tree)</c>.
/// Trees come from <see cref="TreeGenerator.Trees"/> (sized by FsCheck's size) and shrink with
/// <see cref="TreeShrinker.Shrink"/>, so a failing property reports a minimal tree.
/// </summary>
/// <remarks>
/// FsCheck registers every public static method of this class that returns an <see cref="Arbitrary{T}"/>,
/// so the class holds nothing else. For other bounds, write your own class with
/// <c>public static Arbitrary&lt;TaskTree&gt; TaskTree() =&gt; Arb.From(TreeGenerator.Trees(8, 2), TreeShrinker.Shrink);</c>.
/// </remarks>
public static class ChaosArbitraries
{
    /// <summary>
    /// Task trees of at most 16 nodes nested at most 3 deep (the node bound grows with FsCheck's size:
    /// 2 + size / 6), that ideal structured semantics can finish; shrunk by <see cref="TreeShrinker.Shrink"/>.
    /// </summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TaskTree> TaskTree() => Arb.From(TreeGenerator.Trees(), TreeShrinker.Shrink);
}
