using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Hosting;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using Microsoft.Extensions.Hosting;
using static ConcurrencyChaos.Tests.Hosting.Hosted;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>
/// What .NET's own BackgroundService and Host (Microsoft.Extensions.Hosting 10.0.0) do, judged by the invariants: each child of
/// the root is one BackgroundService of a real host, and the root is <c>await host.RunAsync(callerToken)</c>. Real time, one
/// virtual ms per real ms; the events that decide each assertion are hundreds of ms apart, and nothing asserts on a tie
/// (docs/hosting.md lists these findings).
/// </summary>
[Collection(HostingCollection.Name)]
public class BackgroundServiceFindingsTests
{
    [Fact]
    public void StopHost_stops_the_host_on_a_failure_but_RunAsync_returns_normally_and_the_error_is_lost()
    {
        var report = Run(Tree(Ok(2_000), Fail(300)));

        Assert.Contains("errors-observed", Broken(report));
        Assert.DoesNotContain("no-orphans", Broken(report));
        Assert.DoesNotContain("terminates", Broken(report));
        Assert.Equal(new RootResult(NodeOutcome.RanToCompletion, null, []), report.Trace.Root);

        // The host did stop: the other service's stopping token was cancelled after the failure, long before its work would end.
        var other = report.Trace.Node("0.0");
        Assert.True(Before(report.Trace.Node("0.1").Ended, other.TokenCancelled));
        Assert.Equal(NodeOutcome.Canceled, other.Ended!.Outcome);
    }

    [Fact]
    public void Ignore_logs_the_failure_and_the_host_runs_on_until_someone_stops_it()
    {
        var options = new HostedServiceChaosOptions { ExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore, StopWhenServicesComplete = false };

        var report = Run(Tree(Fail(300), Ok(700)) with { CancelAfter = 1_200 }, options);

        // Both services had ended when the caller stopped the host, so RunAsync's success is not blamed
        // (cancellation-propagated); the lost failure and the sibling never cancelled are.
        Assert.Equal(["errors-observed", "fail-fast"], Broken(report));
        Assert.Equal(new RootResult(NodeOutcome.RanToCompletion, null, []), report.Trace.Root);
        var sibling = report.Trace.Node("0.1");
        Assert.Null(sibling.TokenCancelled);
        Assert.Equal(NodeOutcome.RanToCompletion, sibling.Ended!.Outcome);
        Assert.True(Before(report.Trace.CallerCancelled, report.Trace.Node("0").Ended));
    }

    [Fact]
    public void A_service_that_ignores_its_stopping_token_outlives_RunAsync_once_the_shutdown_timeout_expires()
    {
        var options = new HostedServiceChaosOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(300) };

        var report = Run(Tree(new Leaf { Work = 1_600, OnCancel = CancelBehavior.Ignore }) with { CancelAfter = 600 }, options);

        Assert.Equal(["cancellation-propagated", "no-orphans"], Broken(report));
        var service = report.Trace.Node("0.0");
        Assert.NotNull(service.TokenCancelled);
        Assert.True(Before(report.Trace.Node("0").Ended, service.Ended));
    }

    [Fact]
    public void Within_the_shutdown_timeout_the_host_waits_for_a_service_that_ignores_its_stopping_token()
    {
        var report = Run(Tree(new Leaf { Work = 1_600, OnCancel = CancelBehavior.Ignore }) with { CancelAfter = 600 });

        Assert.Equal(["cancellation-propagated"], Broken(report));
        Assert.True(Before(report.Trace.Node("0.0").Ended, report.Trace.Node("0").Ended));
    }

    [Fact]
    public void Work_fired_and_forgotten_from_ExecuteAsync_outlives_the_host_and_its_error_is_lost()
    {
        var options = new HostedServiceChaosOptions { Style = HostedServiceStyle.FireAndForgetChild };
        var windsDown = new Leaf { Work = 800, Cleanup = 400 };
        var failsRegardless = new Leaf { Work = 1_000, Then = LeafEnd.Fail, Error = ErrorKind.IOException, OnCancel = CancelBehavior.Ignore };

        var report = Run(Tree(windsDown, failsRegardless), options);

        Assert.Equal(["errors-observed", "no-orphans"], Broken(report));
        var hostReturned = report.Trace.Node("0").Ended;
        Assert.True(Before(hostReturned, report.Trace.Node("0.0").Ended));
        Assert.True(Before(hostReturned, report.Trace.Node("0.1").Ended));
        Assert.Contains(report.Violations, v => v.Invariant == "errors-observed" && v.Message.Contains("after the caller's await ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Caller_cancellation_reaches_every_stopping_token_but_RunAsync_still_returns_normally()
    {
        var report = Run(Tree(Ok(3_000), Ok(3_000), Ok(3_000)) with { CancelAfter = 600 });

        Assert.Equal(["cancellation-propagated"], Broken(report));
        Assert.Contains(report.Violations, v => v.Message.Contains("the root still ended successfully", StringComparison.Ordinal));
        var root = report.Trace.Node("0");
        foreach (var id in new[] { "0.0", "0.1", "0.2" })
        {
            var service = report.Trace.Node(id);
            Assert.True(Before(report.Trace.CallerCancelled, service.TokenCancelled));
            Assert.Equal(NodeOutcome.Canceled, service.Ended!.Outcome);
            Assert.True(Before(service.Ended, root.Ended));
        }

        Assert.Equal(NodeOutcome.RanToCompletion, root.Ended!.Outcome);
    }

    [Fact]
    public void A_failure_while_stopping_is_lost_too_StopAsync_never_rethrows_it()
    {
        var failsWhileStopping = new Leaf { Work = 3_000, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.TimeoutException };

        var report = Run(Tree(failsWhileStopping) with { CancelAfter = 600 });

        Assert.Equal(["cancellation-propagated", "errors-observed"], Broken(report));
        Assert.Equal(NodeOutcome.Faulted, report.Trace.Node("0.0").Ended!.Outcome);
        Assert.Equal(new RootResult(NodeOutcome.RanToCompletion, null, []), report.Trace.Root);
    }

    [Fact]
    public void Services_stop_one_at_a_time_so_a_slow_stopper_delays_the_stopping_token_of_those_registered_before_it()
    {
        var slowToStop = new Leaf { Work = 3_000, Cleanup = 500 };

        var report = Run(Tree(Ok(3_000), slowToStop) with { CancelAfter = 600 });

        // Reverse order: 0.1 is stopped first, and 0.0's token is cancelled only once 0.1 has ended, half a second later.
        Assert.True(Before(report.Trace.Node("0.1").Ended, report.Trace.Node("0.0").TokenCancelled));
        Assert.Contains(report.Violations, v => v.Invariant == "cancellation-propagated" && v.Message.Contains("0.0, running then, saw its token cancelled only at", StringComparison.Ordinal));
    }

    [Fact]
    public void With_ServicesStopConcurrently_every_stopping_token_is_cancelled_at_once()
    {
        var slowToStop = new Leaf { Work = 3_000, Cleanup = 500 };

        var report = Run(Tree(Ok(3_000), slowToStop) with { CancelAfter = 600 }, new HostedServiceChaosOptions { ServicesStopConcurrently = true });

        Assert.True(Before(report.Trace.Node("0.0").TokenCancelled, report.Trace.Node("0.1").Ended));
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Node("0.0").Ended!.Outcome);
    }

    [Fact]
    public void A_host_asked_to_stop_before_it_starts_runs_nothing_and_RunAsync_throws_cancellation()
    {
        var report = Run(Tree(Ok(3_000)) with { CancelAfter = 0 });

        Assert.Empty(report.Violations);
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Root.Outcome);
        Assert.Null(report.Trace.Node("0.0").Started);
    }

    [Fact]
    public void A_child_group_is_a_host_of_its_own_run_by_a_service_and_its_failure_is_lost_there_too()
    {
        var report = Run(Tree(Ok(200), new Group(Ok(300), Fail(400))));

        Assert.Equal(["errors-observed"], Broken(report));
        Assert.Equal(NodeOutcome.RanToCompletion, report.Trace.Node("0.1").Ended!.Outcome);
        Assert.Equal(NodeOutcome.RanToCompletion, report.Trace.Root.Outcome);
    }
}
