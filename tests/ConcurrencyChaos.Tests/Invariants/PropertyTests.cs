using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// A post-run property: a function over the finished run (<see cref="RunView"/>) that says whether your property held.
/// A failed verdict breaks the invariant <c>property</c> with its message, and the search shrinks it like any other.
/// </summary>
public class PropertyTests
{
    [Fact]
    public void A_property_that_fails_is_found_and_shrunk()
    {
        // "A caller that did not cancel never sees a cancellation", against a pattern that cancels its children by itself.
        var options = new ChaosOptions
        {
            Seed = 1,
            Invariants = ["property"],
            Property = run => run.CallerCancelled || run.Root.Outcome != NodeOutcome.Canceled
                ? PropertyVerdict.Holds
                : PropertyVerdict.Fails($"the root was canceled at {run.Node("0").Ended!.Time} ms though the caller never cancelled"),
        };

        var cancelsByItself = Chaos.Check(ChaosPattern.Of(CancelAfterFirstAsync, "cancels-by-itself"), options);
        var found = Assert.IsType<Counterexample>(cancelsByItself.Counterexample);
        Assert.Equal(("property", "the root was canceled at 0 ms though the caller never cancelled"), (found.Violations[0].Invariant, found.Violations[0].Message));
        Assert.Equal(2, found.NodeCount);
    }

    [Fact]
    public void A_verdict_says_whether_the_property_held_and_why_not()
    {
        Assert.True(PropertyVerdict.Holds.Held);
        Assert.Null(PropertyVerdict.Holds.Message);
        var failed = PropertyVerdict.Fails("3 orders, 2 receipts");
        Assert.False(failed.Held);
        Assert.Equal("failed: 3 orders, 2 receipts", failed.ToString());
        Assert.Throws<ArgumentException>(() => PropertyVerdict.Fails(" "));
    }

    [Fact]
    public void The_property_is_selected_by_its_id_and_is_unknown_without_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Chaos.Check("when-all", new ChaosOptions { Invariants = ["property"] }));
        Assert.Contains("'property'", error.Message, StringComparison.Ordinal);
    }

    private static async Task CancelAfterFirstAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = children[0](mine.Token);
        await mine.CancelAsync();
        await first;
        mine.Token.ThrowIfCancellationRequested();
    }
}
