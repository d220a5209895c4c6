using System.Diagnostics;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Search;

/// <summary>
/// Cancelling stops even a single long run within a fraction of a second (the CLI's Ctrl+C and SIGTERM rely on it),
/// and a run stopped that way is never judged: it is no experiment.
/// </summary>
public sealed class InFlightCancellationTests
{
    private static readonly TaskTree OneLeaf = new(new Group(new Leaf { Work = 1 }));

    /// <summary>Starts the children, then yields forever: every step is a new one, so only the step budget would end it.</summary>
    private static async Task SpinAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        foreach (var child in children)
        {
            _ = child(ct);
        }

        while (true)
        {
            await Task.Yield();
        }
    }

    [Fact]
    public void A_long_run_stops_soon_after_its_token_is_cancelled_and_gets_no_verdict()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => Chaos.Run(OneLeaf, SpinAsync, new RunOptions { MaxSteps = int.MaxValue }, cancellationToken: source.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_search_cancelled_in_the_middle_of_a_tree_stops_early_and_reports_nothing_it_did_not_finish()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var options = new ChaosOptions { Seed = 1, Run = new RunOptions { MaxSteps = int.MaxValue } };

        var result = Chaos.Check(SpinAsync, options, source.Token);

        Assert.Equal("cancelled", result.StoppedEarly);
        Assert.Null(result.Counterexample);
        Assert.Null(result.Unreproduced);
        Assert.Equal(0, result.TreesRun);
    }

    [Fact]
    public void Verify_stops_the_replay_under_way()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var scenario = new ConcurrencyChaos.Scenarios.Scenario("spin", null, OneLeaf, new Dictionary<string, IReadOnlyList<string>> { ["spin"] = [] });
        var options = new ScenarioOptions
        {
            Patterns = new Dictionary<string, Func<TimeProvider, FanOut>> { ["spin"] = _ => SpinAsync },
            Run = new RunOptions { MaxSteps = int.MaxValue },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => { _ = Chaos.Verify(scenario, options, source.Token); });
    }
}
