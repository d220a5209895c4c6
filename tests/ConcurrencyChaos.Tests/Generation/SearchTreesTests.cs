using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Generation;

namespace ConcurrencyChaos.Tests.Generation;

/// <summary>
/// The search draws its trees without FsCheck (<see cref="SearchTrees"/>), and they are exactly the trees FsCheck
/// samples from the search's arbitrary (<see cref="ChaosTrees.For"/>): same seeds, same sizes, same filter retries.
/// </summary>
public sealed class SearchTreesTests
{
    private const int Seeds = 20;
    private const int Indexes = 301;

    public static TheoryData<string> OptionSets() => [.. Cases.Keys];

    private static Dictionary<string, (ChaosPattern Pattern, ChaosOptions Options)> Cases { get; } = new(StringComparer.Ordinal)
    {
        ["default"] = (ChaosPattern.Of(TaskGroup.WhenAll), ChaosOptions.Default),
        ["MaxNodes 64"] = (ChaosPattern.Of(TaskGroup.WhenAll), new ChaosOptions { MaxNodes = 64 }),
        ["MaxDepth 1"] = (ChaosPattern.Of(TaskGroup.WhenAll), new ChaosOptions { MaxDepth = 1 }),
        ["small and narrow"] = (ChaosPattern.Of(TaskGroup.WhenAll), new ChaosOptions { MaxNodes = 5, MaxChildren = 2, MaxDelay = TimeSpan.FromMilliseconds(20) }),
        ["operations"] = (ChaosPattern.Of(TaskGroup.WhenAll), new ChaosOptions { Run = new RunOptions { Operations = Operations("charge", "email", "audit") } }),
        ["bounded pattern"] = (ChaosPattern.Of(TaskGroup.WhenAll, maxConcurrency: 2), ChaosOptions.Default),
        ["bounded pattern with operations"] = (ChaosPattern.Of(TaskGroup.WhenAll, maxConcurrency: 1), new ChaosOptions { MaxNodes = 32, Run = new RunOptions { Operations = Operations("call") } }),
    };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void The_search_draws_the_trees_FsCheck_samples_from_its_arbitrary(string optionSet)
    {
        var (pattern, options) = Cases[optionSet];
        var trees = SearchTrees.For(pattern, options);
        var generator = ChaosTrees.For(pattern, options).Generator;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            for (var index = 0; index < Indexes; index++)
            {
                var expected = ChaosSearch.TreeAt(generator, seed, index);
                var actual = trees.At(seed, index);
                if (!expected.Equals(actual))
                {
                    Assert.Fail($"{optionSet}, seed {seed}, index {index}: FsCheck drew {expected}, the search {actual}");
                }
            }
        }
    }

    [Fact]
    public void The_sweep_reaches_the_filter_retries_that_make_the_equivalence_worth_proving()
    {
        // First draws the pattern cannot finish: the filter then draws again at a larger size, and at sizes 0 and 1
        // (one attempt) starts over one size up. Both must occur among the trees compared above.
        var (pattern, options) = Cases["MaxDepth 1"];
        var shape = new TreeShape(options.MaxNodes, options.MaxDepth, options.MaxChildren, options.MaxDelayMs);
        var retried = 0;
        var restarted = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            for (var index = 0; index < Indexes; index++)
            {
                var random = new FsCheckRandom(SearchTrees.StartSeed(seed, index));
                var attempts = Math.Max(1, SearchTrees.Size(index));
                if (!ChaosTrees.CanFinish(TreeGenerator.Tree(random.NonNegative(), attempts, shape), pattern.Bounds))
                {
                    retried++;
                    restarted += attempts == 1 ? 1 : 0;
                }
            }
        }

        Assert.True(retried > 100, $"only {retried} first draws were filtered out");
        Assert.True(restarted > 0, "no tree of size 0 or 1 needed a second round");
    }

    private static Dictionary<string, Func<CancellationToken, Task>> Operations(params string[] names) =>
        names.ToDictionary(name => name, _ => (Func<CancellationToken, Task>)(_ => Task.CompletedTask), StringComparer.Ordinal);
}
