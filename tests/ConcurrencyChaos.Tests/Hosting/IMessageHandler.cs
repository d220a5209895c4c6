namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>What a pump does with each message.</summary>
public interface IMessageHandler
{
    /// <summary>Handles one message.</summary>
    Task HandleAsync(Message message, CancellationToken cancellationToken);
}
