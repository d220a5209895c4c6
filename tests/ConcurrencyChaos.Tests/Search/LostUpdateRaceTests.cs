using ConcurrencyChaos.Execution;

namespace ConcurrencyChaos.Tests.Search;

/// <summary>
/// Issue 15's lost-update race, stated with <c>Chaos.Assert</c> in the wrapper after the group (<see cref="LostUpdateRace"/>):
/// found and shrunk to its minimal tree, a group of two leaves, under either scheduling strategy.
/// </summary>
public sealed class LostUpdateRaceTests
{
    [Theory]
    [InlineData(SchedulingStrategy.Random, 1)]
    [InlineData(SchedulingStrategy.Random, 2)]
    [InlineData(SchedulingStrategy.Pct, 1)]
    [InlineData(SchedulingStrategy.Pct, 2)]
    public void The_race_is_found_and_shrunk_to_two_children(SchedulingStrategy strategy, int seed)
    {
        var result = Chaos.Check(LostUpdateRace.Pattern, LostUpdateRace.Options(strategy, seed));

        var found = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.Equal(3, found.NodeCount);
        Assert.Matches(@"^assertion: counter is 1 after 2 children \(Chaos.Assert in 0 at \d+ ms\)$", Assert.Single(found.Violations).ToString());
        Assert.True(found.IsDeterministic);
    }

    [Fact]
    public void Without_the_assertion_every_built_in_invariant_holds()
    {
        var options = LostUpdateRace.Options(SchedulingStrategy.Random, 1) with
        {
            Invariants = ["errors-observed", "no-orphans", "cancellation-propagated", "fail-fast", "terminates", "work-done", "no-crash"],
            MaxTrees = 300,
        };
        Assert.True(Chaos.Check(LostUpdateRace.Pattern, options).Passed);
    }

    [Fact]
    public void The_bench_counts_the_trees_a_search_ran_until_it_found_the_race_and_null_when_it_did_not()
    {
        var trees = LostUpdateRace.TreesToFind(SchedulingStrategy.Pct, 1);
        Assert.Equal(Chaos.Check(LostUpdateRace.Pattern, LostUpdateRace.Options(SchedulingStrategy.Pct, 1)).TreesRun, trees);
        Assert.Null(LostUpdateRace.TreesToFind(SchedulingStrategy.Random, 1, maxTrees: 1));
    }
}
