using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Hosting;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using Microsoft.Extensions.Hosting;
using static ConcurrencyChaos.Tests.Hosting.Hosted;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>Bad options, a setup callback that throws, and a host run the way it cannot be run (controlled).</summary>
[Collection(HostingCollection.Name)]
public class HostedChaosInputTests
{
    public static TheoryData<HostedServiceChaosOptions, string> OutOfRange => new()
    {
        { new HostedServiceChaosOptions { ShutdownTimeout = TimeSpan.FromSeconds(-2) }, nameof(HostedServiceChaosOptions.ShutdownTimeout) },
        { new HostedServiceChaosOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(uint.MaxValue) }, nameof(HostedServiceChaosOptions.ShutdownTimeout) },
        { new HostedServiceChaosOptions { ExceptionBehavior = (BackgroundServiceExceptionBehavior)7 }, nameof(HostedServiceChaosOptions.ExceptionBehavior) },
        { new HostedServiceChaosOptions { Style = (HostedServiceStyle)9 }, nameof(HostedServiceChaosOptions.Style) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_option_out_of_range_is_named(HostedServiceChaosOptions options, string option)
    {
        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => HostedChaos.Pattern(options)).ParamName);
        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => HostedChaos.Pattern((_, _) => { }, options)).ParamName);
    }

    [Fact]
    public void Every_shutdown_timeout_dotnet_takes_is_accepted()
    {
        _ = HostedChaos.Pattern(new HostedServiceChaosOptions { ShutdownTimeout = TimeSpan.Zero });
        _ = HostedChaos.Pattern(new HostedServiceChaosOptions { ShutdownTimeout = Timeout.InfiniteTimeSpan });
        _ = HostedChaos.Pattern(new HostedServiceChaosOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1) });
    }

    [Fact]
    public void A_missing_setup_callback_is_refused() =>
        Assert.Equal("configureServices", Assert.Throws<ArgumentNullException>(() => HostedChaos.Pattern(null!, null)).ParamName);

    [Fact]
    public void A_setup_callback_that_throws_is_named_and_the_harness_reports_the_pattern_threw()
    {
        var pattern = HostedChaos.Pattern((_, _) => throw new FormatException("no such setting"));

        // It throws before returning a task, so a plain Action sees it.
        var thrown = Assert.Throws<InvalidOperationException>(() => { _ = pattern([_ => Task.CompletedTask], CancellationToken.None); });
        Assert.Contains("configureServices", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("no such setting", thrown.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(thrown.InnerException);

        // Under the harness it is an error naming the callback, never a verdict (and never "holds").
        var error = Assert.Throws<ChaosException>(() => Chaos.Run(Tree(Ok(100)), pattern, HostedChaos.RealTime));
        Assert.Contains("the pattern of group 0 threw InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.Contains("configureServices", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0 leaf: work 100 ms, then succeed → never started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_controlled_a_host_escapes_the_runtime_and_the_harness_says_so()
    {
        // BackgroundService.StartAsync runs ExecuteAsync through Task.Run: every run queues the services to the thread pool,
        // and the runtime sees them queued and waits for them, so one run shows the escape.
        var report = Chaos.Run(Tree(Ok(30), Fail(50)), HostedChaos.Pattern(), RunOptions.Default);

        Assert.Contains(report.Trace.Diagnostics, d => d.Kind == DiagnosticKind.ThreadPool);
    }
}
