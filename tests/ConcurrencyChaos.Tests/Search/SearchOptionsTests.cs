namespace ConcurrencyChaos.Tests.Search;

/// <summary>Issue 4: bad options are refused with an error that names the option, before anything runs.</summary>
public sealed class SearchOptionsTests
{
    public static TheoryData<ChaosOptions, string> BadOptions => new()
    {
        { new ChaosOptions { MaxTrees = 0 }, nameof(ChaosOptions.MaxTrees) },
        { new ChaosOptions { MaxTrees = -5 }, nameof(ChaosOptions.MaxTrees) },
        { new ChaosOptions { MaxNodes = 1 }, nameof(ChaosOptions.MaxNodes) },
        { new ChaosOptions { MaxDepth = 0 }, nameof(ChaosOptions.MaxDepth) },
        { new ChaosOptions { MaxChildren = 0 }, nameof(ChaosOptions.MaxChildren) },
        { new ChaosOptions { MaxDelay = TimeSpan.FromMilliseconds(-1) }, nameof(ChaosOptions.MaxDelay) },
        { new ChaosOptions { MaxDelay = TimeSpan.FromDays(30) }, nameof(ChaosOptions.MaxDelay) },
        { new ChaosOptions { ShardCount = 0 }, nameof(ChaosOptions.ShardCount) },
        { new ChaosOptions { ShardCount = 2, ShardIndex = 2 }, nameof(ChaosOptions.ShardIndex) },
        { new ChaosOptions { ShardCount = 2, ShardIndex = -1 }, nameof(ChaosOptions.ShardIndex) },
        { new ChaosOptions { Invariants = ["errors-observed", "no-such-invariant"] }, nameof(ChaosOptions.Invariants) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_refused_naming_it(ChaosOptions options, string option)
    {
        var ran = false;
        FanOut pattern = (children, token) =>
        {
            ran = true;
            return Task.WhenAll(children.Select(c => c(token)));
        };
        var error = Assert.ThrowsAny<ArgumentException>(() => Chaos.Check(pattern, options));
        Assert.Equal(option, error.ParamName);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.False(ran, "the search ran a tree before validating its options");
    }

    [Fact]
    public void An_unknown_invariant_is_named_with_the_known_ones()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Chaos.Check("when-all", new ChaosOptions { Invariants = ["no-orphan"] }));
        Assert.Contains("'no-orphan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-orphans", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_edge_options_are_accepted()
    {
        var result = Chaos.Check("task-group", new ChaosOptions { MaxTrees = 1, MaxNodes = 2, MaxDepth = 1, ShardCount = 3, ShardIndex = 2, Seed = 1, Invariants = [] });
        Assert.True(result.Passed);
        Assert.Equal(1, result.TreesRun);
    }
}
