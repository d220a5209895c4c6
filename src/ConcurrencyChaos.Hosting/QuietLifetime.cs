using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Hosting;

/// <summary>
/// An <see cref="IHostLifetime"/> that does nothing: the harness's caller token plays Ctrl+C, so the host must not take the
/// test process's own console signals (the default <c>ConsoleLifetime</c> would register SIGINT/SIGTERM handlers per host).
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
