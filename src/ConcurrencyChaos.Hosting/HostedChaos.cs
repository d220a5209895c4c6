using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Hosting;

/// <summary>
/// Hosted-service patterns for <see cref="Chaos"/>: every group of a tree runs as a real <see cref="IHost"/> whose hosted
/// services are backed by the group's children, and the group's task is <c>await host.RunAsync(callerToken)</c> — whoever
/// awaits the host. The caller's cancellation is the host being asked to stop (Ctrl+C). The same invariants judge it: is
/// every failure observed by whoever awaits the host, is work still running after the host returned, did the stopping
/// token reach every service. Hosts need real threads and the real clock: run them with <see cref="RealTime"/>.
/// </summary>
/// <example>
/// <code>
/// // Each child is a BackgroundService that awaits it:
/// var report = Chaos.Run(tree, HostedChaos.Pattern(), HostedChaos.RealTime);
///
/// // A team's own service, its message source and handler backed by the children:
/// var pattern = HostedChaos.Pattern((services, children) =&gt;
/// {
///     services.AddSingleton&lt;IMessageSource&gt;(new ChildMessages(children.Count));
///     services.AddSingleton&lt;IMessageHandler&gt;(new ChildHandler(children));
///     services.AddHostedService&lt;QueuePump&gt;();
/// });
/// Chaos.Check(pattern, new ChaosOptions { MaxTrees = 20, Run = HostedChaos.RealTime with { TimeScale = 200, MaxVirtualTime = TimeSpan.FromMilliseconds(5) } })
///     .AssertHolds();
/// </code>
/// </example>
public static class HostedChaos
{
    /// <summary>
    /// Run options for hosts: <see cref="ExecutionMode.RealTime"/> (thread pool, real clock, one virtual ms of the tree per
    /// real ms). A host cannot run controlled: <c>BackgroundService</c> starts <c>ExecuteAsync</c> with <c>Task.Run</c>, the
    /// host awaits with <c>ConfigureAwait(false)</c> and times its shutdown on the real clock.
    /// </summary>
    public static RunOptions RealTime { get; } = new() { Mode = ExecutionMode.RealTime };

    /// <summary>
    /// The built-in hosted-service pattern: each child of a group becomes one <c>BackgroundService</c> of a real host (in
    /// order of the children, so they start in that order and stop in reverse), written as <paramref name="options"/>'
    /// <see cref="HostedServiceChaosOptions.Style"/> says; the group's task is <c>host.RunAsync(callerToken)</c>. A child that
    /// is itself a group is a host run by a service of the enclosing host.
    /// </summary>
    /// <param name="options">The host's options and the services' style; <see cref="HostedServiceChaosOptions.Default"/> when null.</param>
    /// <returns>The pattern, to pass to <see cref="Chaos.Run(Model.TaskTree, ChaosPattern, RunOptions?, IReadOnlyCollection{string}?, CancellationToken)"/> or <see cref="Chaos.Check(ChaosPattern, ChaosOptions?, CancellationToken)"/> (through <see cref="ChaosPattern.Of(Func{IReadOnlyList{Func{CancellationToken, Task}}, CancellationToken, Task}, string?)"/>, or their overloads that take the delegate).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception names it.</exception>
    public static Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> Pattern(HostedServiceChaosOptions? options = null)
    {
        options ??= HostedServiceChaosOptions.Default;
        options.Validate();
        var style = options.Style;
        return new HostedServicesPattern(
            (services, children) =>
            {
                foreach (var child in children)
                {
                    services.AddSingleton<IHostedService>(new ChildService(child, style));
                }
            },
            options).RunAsync;
    }

    /// <summary>
    /// A pattern for a team's own hosted services: <paramref name="configureServices"/> registers them (their real
    /// <c>BackgroundService</c> classes), with the dependencies they call backed by the group's children — a queue whose items
    /// are the children, a client whose calls are the children. The group's task is <c>host.RunAsync(callerToken)</c>.
    /// </summary>
    /// <param name="configureServices">
    /// Registers the hosted services and what they depend on, given the children of the group being run. Called once per run
    /// of a group, on a fresh service collection. If it throws, the pattern throws an <see cref="InvalidOperationException"/>
    /// naming it before any child starts, which stops <c>Chaos.Run</c> and <c>Chaos.Check</c> with a <see cref="ChaosException"/> naming it.
    /// </param>
    /// <param name="options">
    /// The host's options; <see cref="HostedServiceChaosOptions.Default"/> when null. <see cref="HostedServiceChaosOptions.Style"/>
    /// does not apply: your services decide how they run the children.
    /// </param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configureServices"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception names it.</exception>
    public static Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> Pattern(
        Action<IServiceCollection, IReadOnlyList<Func<CancellationToken, Task>>> configureServices,
        HostedServiceChaosOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        options ??= HostedServiceChaosOptions.Default;
        options.Validate();
        return new HostedServicesPattern(configureServices, options) { ConsumerServices = true }.RunAsync;
    }
}
