using ConcurrencyChaos.Model;
using ConcurrencyChaos.Xunit;

namespace ConcurrencyChaos.Tests.XunitIntegration;

public sealed class ChaosAssertTests
{
    /// <summary>Two children fail 10 ms apart: when-all loses the second error and does not cancel the second child.</summary>
    private static readonly TaskTree TwoFailures = new(new Group(
        new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
        new Leaf { Work = 20, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException }));

    [Fact]
    public void Holds_passes_and_returns_the_run_when_every_invariant_holds()
    {
        var report = ChaosAssert.Holds(Chaos.Run(TwoFailures, "task-group"));

        Assert.True(report.Passed);
        Assert.Same(TwoFailures, report.Tree);
    }

    [Fact]
    public void Holds_fails_with_the_rendered_run_as_its_message()
    {
        var failure = Assert.Throws<ChaosAssertException>(() => ChaosAssert.Holds(Chaos.Run(TwoFailures, "when-all")));

        var report = Assert.IsType<RunReport>(failure.Report);
        Assert.Equal(
            $"Expected pattern 'when-all' to hold every invariant, but it broke errors-observed, fail-fast.\n\n{report}\nReplay it with this xunit test:\n\n{report.ReplayTest()}",
            failure.Message);
        Assert.Contains("0 group (when-all)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_takes_a_delegate_and_a_factory()
    {
        ChaosAssert.Holds(Chaos.Run(TwoFailures, TaskGroup.WhenAll));
        ChaosAssert.Holds(Chaos.Run(TwoFailures, _ => TaskGroup.WhenAll));

        var failure = Assert.Throws<ChaosAssertException>(() => ChaosAssert.Holds(Chaos.Run(TwoFailures, static (children, token) => Task.WhenAll(children.Select(c => c(token))))));
        Assert.Contains("errors-observed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Violates_passes_on_exactly_the_expected_invariants_in_any_order()
    {
        ChaosAssert.Violates(Chaos.Run(TwoFailures, "when-all"), "fail-fast", "errors-observed");
        ChaosAssert.Violates(Chaos.Run(TwoFailures, "when-all"));
    }

    [Fact]
    public void Violates_fails_when_the_set_differs_naming_both_sets()
    {
        var failure = Assert.Throws<ChaosAssertException>(() => ChaosAssert.Violates(Chaos.Run(TwoFailures, "when-all"), "fail-fast"));

        Assert.StartsWith(
            "Expected pattern 'when-all' to break exactly fail-fast, but it broke errors-observed, fail-fast.\n\n",
            failure.Message,
            StringComparison.Ordinal);
        Assert.EndsWith(failure.Report!.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Violates_fails_when_the_pattern_holds()
    {
        var failure = Assert.Throws<ChaosAssertException>(() => ChaosAssert.Violates(Chaos.Run(TwoFailures, TaskGroup.WhenAll)));

        Assert.StartsWith(
            "Expected pattern 'TaskGroup.WhenAll' to break an invariant, but it held every invariant.\n\n",
            failure.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Violates_rejects_unknown_invariant_ids()
    {
        var error = Assert.Throws<ArgumentException>(() => ChaosAssert.Violates(Chaos.Run(TwoFailures, "when-all"), "errors-lost"));

        Assert.Contains("Unknown invariant id 'errors-lost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("errors-observed", error.Message, StringComparison.Ordinal);
    }
}
