using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>
/// A queue pump as teams write it, with the leak: so that a slow handler never holds up the queue, each message's handler is
/// started and not awaited, and it gets <see cref="CancellationToken.None"/> "so that shutdown never aborts a half-handled
/// message". Once the source is drained ExecuteAsync ends, the host stops, and the handlers are still running.
/// </summary>
public sealed class LeakyQueuePump(IMessageSource source, IMessageHandler handler) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await source.ReceiveAsync(stoppingToken) is { } message)
        {
            _ = handler.HandleAsync(message, CancellationToken.None);
        }
    }
}
