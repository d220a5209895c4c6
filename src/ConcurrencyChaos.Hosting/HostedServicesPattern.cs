using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Hosting;

/// <summary>
/// The pattern <see cref="HostedChaos"/> hands out: a group's children become hosted services of a real, freshly built
/// <see cref="IHost"/>, and the group's task is <c>host.RunAsync(callerToken)</c> — "whoever awaits the host".
/// </summary>
/// <param name="configureServices">Registers the hosted services, given the children.</param>
/// <param name="options">The validated options.</param>
internal sealed class HostedServicesPattern(
    Action<IServiceCollection, IReadOnlyList<Func<CancellationToken, Task>>> configureServices,
    HostedServiceChaosOptions options)
{
    /// <summary>Whether <c>configureServices</c> is the consumer's (named in errors) or the built-in one.</summary>
    public bool ConsumerServices { get; init; }

    /// <summary>
    /// Builds the host (synchronously, so a failing setup throws before a task exists and the harness reports it as a
    /// pattern that threw) and runs it until it stops.
    /// </summary>
    public Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        var host = Build(children);
        if (options.StopWhenServicesComplete)
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStarted.Register(() => StopWhenComplete(host.Services, lifetime));
        }

        // RunAsync = StartAsync(token), WaitForShutdownAsync(token), then dispose the host.
        return host.RunAsync(cancellationToken);
    }

    private IHost Build(IReadOnlyList<Func<CancellationToken, Task>> children)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.Configure<HostOptions>(host =>
        {
            host.BackgroundServiceExceptionBehavior = options.ExceptionBehavior;
            host.ShutdownTimeout = options.ShutdownTimeout;
            host.ServicesStopConcurrently = options.ServicesStopConcurrently;
        });
        try
        {
            configureServices(builder.Services, children);
        }
        catch (Exception e) when (ConsumerServices)
        {
            throw new InvalidOperationException(
                $"The configureServices callback given to HostedChaos.Pattern threw {e.GetType().Name} for a group of {children.Count} {(children.Count == 1 ? "child" : "children")}: {e.Message}", e);
        }

        return builder.Build();
    }

    /// <summary>Once every BackgroundService's ExecuteAsync has ended, stops the host (unless it is stopping already).</summary>
    private static void StopWhenComplete(IServiceProvider services, IHostApplicationLifetime lifetime)
    {
        var running = services.GetServices<IHostedService>().OfType<BackgroundService>().Select(s => s.ExecuteTask).OfType<Task>().ToArray();
        _ = Task.WhenAll(running).ContinueWith(
            static (all, state) =>
            {
                _ = all.Exception; // each service's failure is the host's business (it logs it); this only waits
                var lifetime = (IHostApplicationLifetime)state!;
                if (!lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    lifetime.StopApplication();
                }
            },
            lifetime,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
