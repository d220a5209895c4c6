using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Hosting;

/// <summary>How the host of <see cref="HostedChaos"/> is configured and how each child becomes a hosted service.</summary>
/// <remarks>
/// These are the <see cref="HostOptions"/> whose effect the harness has measured (see docs/hosting.md). A team's own
/// <c>configureServices</c> callback runs after them and may configure any other <see cref="HostOptions"/> itself.
/// </remarks>
public sealed record HostedServiceChaosOptions
{
    /// <summary>The longest timeout <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> takes, in ms.</summary>
    private const long MaxShutdownTimeoutMs = uint.MaxValue - 1;

    /// <summary>The default options: .NET's own <see cref="HostOptions"/> defaults, services that await their child.</summary>
    public static HostedServiceChaosOptions Default { get; } = new();

    /// <summary>
    /// What the host does when a <see cref="BackgroundService"/>'s <c>ExecuteAsync</c> fails
    /// (<see cref="HostOptions.BackgroundServiceExceptionBehavior"/>). Default <see cref="BackgroundServiceExceptionBehavior.StopHost"/>, as in .NET.
    /// </summary>
    public BackgroundServiceExceptionBehavior ExceptionBehavior { get; init; } = BackgroundServiceExceptionBehavior.StopHost;

    /// <summary>
    /// How long the host's <c>StopAsync</c> waits for its services to stop (<see cref="HostOptions.ShutdownTimeout"/>), in real
    /// time: <see cref="Execution.RunOptions.TimeScale"/> does not stretch it. Zero or more (at most about 49.7 days, as
    /// <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> takes), or <see cref="Timeout.InfiniteTimeSpan"/>. Default 30 s, as in .NET.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How each child becomes a service (built-in pattern only). Default <see cref="HostedServiceStyle.AwaitChild"/>.</summary>
    public HostedServiceStyle Style { get; init; } = HostedServiceStyle.AwaitChild;

    /// <summary>
    /// Whether the host stops its services concurrently (<see cref="HostOptions.ServicesStopConcurrently"/>). Default false, as in
    /// .NET: services are stopped one at a time in reverse order, and each one's stopping token is cancelled only when the one
    /// stopped before it has finished.
    /// </summary>
    public bool ServicesStopConcurrently { get; init; }

    /// <summary>
    /// Whether the host is stopped (<see cref="IHostApplicationLifetime.StopApplication"/>) once every
    /// <see cref="BackgroundService"/>'s <c>ExecuteAsync</c> has ended, as a run-to-completion worker's last service does.
    /// Default true. When false, the host runs until the caller cancels or a failure stops it
    /// (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>), as a long-running worker does; a tree whose services
    /// all finish then never ends, and <c>terminates</c> reports it. Hosted services that are not <see cref="BackgroundService"/>s have
    /// nothing to wait for: when none is a <see cref="BackgroundService"/>, the host is stopped as soon as it has started.
    /// </summary>
    public bool StopWhenServicesComplete { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(ExceptionBehavior))
        {
            throw new ArgumentOutOfRangeException(nameof(ExceptionBehavior), ExceptionBehavior, "Not a BackgroundServiceExceptionBehavior value.");
        }

        if (!Enum.IsDefined(Style))
        {
            throw new ArgumentOutOfRangeException(nameof(Style), Style, "Not a HostedServiceStyle value.");
        }

        // The host hands it to CancellationTokenSource.CancelAfter, which takes -1 ms (infinite) or 0 to 4,294,967,294 ms;
        // refused here, it would otherwise throw only when the host stops.
        if (ShutdownTimeout != Timeout.InfiniteTimeSpan
            && (ShutdownTimeout < TimeSpan.Zero || (long)ShutdownTimeout.TotalMilliseconds > MaxShutdownTimeoutMs))
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "ShutdownTimeout must be zero or more (at most 4,294,967,294 ms, about 49.7 days), or Timeout.InfiniteTimeSpan.");
        }
    }
}
