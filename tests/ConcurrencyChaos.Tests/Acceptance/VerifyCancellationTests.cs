using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>Chaos.Verify stops between patterns when its token is cancelled (CLI Ctrl+C).</summary>
public sealed class VerifyCancellationTests
{
    private static readonly Scenario TwoPatterns = new(
        "two-patterns",
        null,
        new TaskTree(new Group(new Leaf { Work = 10 })),
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["mine"] = [], ["when-all"] = [] });

    [Fact]
    public void A_token_cancelled_during_one_pattern_stops_before_the_next()
    {
        using var source = new CancellationTokenSource();
        var replayed = new List<string>();
        var own = new Dictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>>(StringComparer.Ordinal)
        {
            ["mine"] = _ => (children, token) =>
            {
                replayed.Add("mine");
                source.Cancel();
                return TaskGroup.WhenAll(children, token);
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => Chaos.Verify(TwoPatterns, new ScenarioOptions { Patterns = own }, source.Token));
        Assert.Equal(["mine"], replayed);

        // Without a token, as before: every pattern is replayed.
        replayed.Clear();
        var outcomes = Chaos.Verify(TwoPatterns, new ScenarioOptions { Patterns = own });
        Assert.Equal(["mine", "when-all"], outcomes.Select(o => o.PatternId));
    }

    [Fact]
    public void An_already_cancelled_token_replays_nothing()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Chaos.Verify(TwoPatterns, cancellationToken: new CancellationToken(canceled: true)));
    }
}
