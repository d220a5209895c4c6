using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Tests.Scenarios;

/// <summary>A small generator of valid scenarios for the round-trip property.</summary>
public static class ScenarioArbitraries
{
    private static readonly string[] Names = ["x", "when-all-loses-second-error", "with space", "quote\"and\\slash", "ünïcødé ✓", "<tag> & 'apos'"];

    /// <summary>Valid scenarios: nested groups (possibly empty, below the root), leaves of every kind, odd names.</summary>
    public static Arbitrary<Scenario> Scenario() => Arb.From(ScenarioGen());

    private static Gen<Scenario> ScenarioGen() =>
        from children in Gen.Sized(size => Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Node(size), n)))
        from pattern in PatternOrNull()
        from cancelAfter in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 500).Select(ms => (int?)ms))
        from seed in Gen.OneOf(Gen.Constant(0), Gen.Choose(int.MinValue, int.MaxValue))
        from name in Gen.Elements(Names)
        from about in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Names).Select(s => (string?)s))
        from expect in Lists(allowEmpty: true)
        from found in Gen.Frequency((1, Gen.Constant<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>>())), (1, Lists(allowEmpty: false)))
        select new Scenario(name, about, new TaskTree(new Group(children) { Pattern = pattern }, cancelAfter, seed), expect) { Found = found };

    private static Gen<TreeNode> Node(int size) =>
        size <= 1
            ? Leaf()
            : Gen.Frequency(
                (3, Leaf()),
                (1, from n in Gen.Choose(0, 3)
                    from children in Gen.ListOf(Node(size / 2), n)
                    from pattern in PatternOrNull()
                    select (TreeNode)new Group(children) { Pattern = pattern }));

    private static Gen<TreeNode> Leaf() =>
        from work in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, 1000)))
        from then in Gen.Elements(Enum.GetValues<LeafEnd>())
        from error in Gen.Elements(Enum.GetValues<ErrorKind>())
        from onCancel in Gen.Elements(Enum.GetValues<CancelBehavior>())
        from cleanup in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 100)))
        from cleanupError in Gen.Elements(Enum.GetValues<ErrorKind>())
        from operation in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Elements(ScenarioTestData.OperationNames).Select(o => (string?)o)))
        from outerToken in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        select (TreeNode)new Leaf
        {
            Work = work,
            Then = then,
            Error = error,
            // a hanging leaf that ignores cancellation is not a valid scenario
            OnCancel = then == LeafEnd.Hang && onCancel == CancelBehavior.Ignore ? CancelBehavior.Throw : onCancel,
            Cleanup = cleanup,
            CleanupError = cleanupError,
            Operation = operation,
            OuterToken = outerToken,
        };

    private static Gen<string?> PatternOrNull() =>
        Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(ScenarioTestData.PatternIds).Select(p => (string?)p)));

    /// <summary>Pattern ids to lists of distinct invariant ids in any order (for <c>found</c>: non-empty lists, and ids of patterns that may be gone).</summary>
    private static Gen<IReadOnlyDictionary<string, IReadOnlyList<string>>> Lists(bool allowEmpty) =>
        from patterns in Gen.SubListOf(allowEmpty ? ScenarioTestData.PatternIds : [.. ScenarioTestData.PatternIds, "orders-naive", "Team.FanOut"]).Where(p => p.Count > 0)
        from lists in Gen.ListOf(Gen.SubListOf(ScenarioTestData.InvariantIds).Where(l => allowEmpty || l.Count > 0).SelectMany(Gen.Shuffle), patterns.Count)
        select (IReadOnlyDictionary<string, IReadOnlyList<string>>)patterns
            .Zip(lists, (p, l) => (p, (IReadOnlyList<string>)[.. l]))
            .ToDictionary(e => e.p, e => e.Item2, StringComparer.Ordinal);
}
