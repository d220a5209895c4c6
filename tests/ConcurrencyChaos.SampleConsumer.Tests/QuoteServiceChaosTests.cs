using ConcurrencyChaos.Model;
using ConcurrencyChaos.Xunit;
using FsCheck.Xunit;

namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>The fixed <see cref="QuoteService"/> holds every invariant on generated trees.</summary>
public sealed class QuoteServiceChaosTests
{
    [Fact]
    public void The_best_quote_holds_under_chaos() =>
        Chaos.Check(GetBestQuoteAsync).AssertHolds();

    [Property(Arbitrary = new[] { typeof(ChaosArbitraries) }, MaxTest = 200)]
    public bool The_best_quote_holds_on_every_tree(TaskTree tree) =>
        Chaos.Run(tree, GetBestQuoteAsync).Passed;

    [Fact]
    public void A_vendor_that_fails_in_its_cleanup_is_waited_for_and_its_error_reaches_the_caller() =>
        ChaosAssert.Holds(Chaos.Run(
            new TaskTree(new Group(
                new Leaf { Work = 1, OnCancel = CancelBehavior.Fail, Cleanup = 5, CleanupError = ErrorKind.TimeoutException },
                new Leaf { Then = LeafEnd.Fail })),
            GetBestQuoteAsync));

    [Fact]
    public async Task Without_chaos_it_returns_the_cheapest_vendor()
    {
        Func<CancellationToken, Task> answers = _ => Task.CompletedTask;
        var provider = new ChildBackedQuoteProvider([answers, answers, answers]);

        var best = await new QuoteService(provider).GetBestQuoteAsync(provider.Vendors, CancellationToken.None);

        Assert.Equal(new Quote("0", 100m), best);
    }

    /// <summary>The service as the harness sees it: vendor i is child i of the generated tree.</summary>
    private static Task<Quote> GetBestQuoteAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        var provider = new ChildBackedQuoteProvider(children);
        return new QuoteService(provider).GetBestQuoteAsync(provider.Vendors, ct);
    }
}
