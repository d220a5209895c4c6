using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>The same pump, fixed: handlers get the stopping token, and ExecuteAsync waits for every handler it started.</summary>
public sealed class DrainingQueuePump(IMessageSource source, IMessageHandler handler) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handling = new List<Task>();
        try
        {
            while (await source.ReceiveAsync(stoppingToken) is { } message)
            {
                handling.Add(handler.HandleAsync(message, stoppingToken));
            }
        }
        finally
        {
            await Task.WhenAll(handling);
        }
    }
}
