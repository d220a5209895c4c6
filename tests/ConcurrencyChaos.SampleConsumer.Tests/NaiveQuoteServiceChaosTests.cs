using ConcurrencyChaos.Model;
using ConcurrencyChaos.Xunit;
using Xunit.Abstractions;

namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>The first <see cref="NaiveQuoteService"/> fails, and the harness says how in a few nodes.</summary>
public sealed class NaiveQuoteServiceChaosTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_naive_service_fails_whatever_the_seed(int seed)
    {
        var result = Chaos.Check(GetBestQuoteAsync, new ChaosOptions { Seed = seed });

        output.WriteLine(result.ToString());
        Assert.False(result.Passed, result.ToString());
        Assert.True(result.Counterexample!.NodeCount <= 3, result.Counterexample.ToString());
    }

    [Fact]
    public void On_seed_1_a_failed_vendor_leaves_the_cancelled_call_running_after_the_method_threw()
    {
        var result = Chaos.Check(GetBestQuoteAsync, new ChaosOptions { Seed = 1 });

        var counterexample = Assert.IsType<Counterexample>(result.Counterexample);
        var failure = Assert.Throws<ChaosException>(result.AssertHolds);
        output.WriteLine(failure.Message);

        // Vendor 1 fails at once; the service cancels vendor 0 and rethrows without waiting for it.
        Assert.Equal(["no-orphans"], counterexample.Violations.Select(v => v.Invariant));
        Assert.Equal(3, counterexample.NodeCount);
        Assert.Equal(
            new TaskTree(new Group(new Leaf { Work = 1 }, new Leaf { Then = LeafEnd.Fail }), Seed: 0),
            counterexample.Tree);
        Assert.True(counterexample.IsDeterministic, failure.Message);
        Assert.Contains(
            "pattern 'NaiveQuoteServiceChaosTests.GetBestQuoteAsync' broke no-orphans on a 3-node tree.",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("no-orphans: 0.0 was still running when its group 0 ended", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Chaos.Run(tree, NaiveQuoteServiceChaosTests.GetBestQuoteAsync)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_vendor_that_fails_in_its_cleanup_outlives_the_call_and_its_error_is_lost()
    {
        var tree = new TaskTree(new Group(
            new Leaf { Work = 1, OnCancel = CancelBehavior.Fail, Cleanup = 5, CleanupError = ErrorKind.TimeoutException },
            new Leaf { Then = LeafEnd.Fail }));

        var report = ChaosAssert.Violates(Chaos.Run(tree, GetBestQuoteAsync), "errors-observed", "no-orphans");
        output.WriteLine(report.ToString());
    }

    [Fact]
    public void The_same_seed_finds_the_same_counterexample()
    {
        var first = Chaos.Check(GetBestQuoteAsync, new ChaosOptions { Seed = 3 });
        var second = Chaos.Check(GetBestQuoteAsync, new ChaosOptions { Seed = 3 });

        Assert.Equal(first.Counterexample!.ScenarioJson, second.Counterexample!.ScenarioJson);
        Assert.Equal(first.Counterexample.ToString(), second.Counterexample.ToString());
    }

    /// <summary>The service as the harness sees it: vendor i is child i of the generated tree.</summary>
    private static Task<Quote> GetBestQuoteAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        var provider = new ChildBackedQuoteProvider(children);
        return new NaiveQuoteService(provider).GetBestQuoteAsync(provider.Vendors, ct);
    }
}
