namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>Where a pump receives messages from (a broker client, in real code).</summary>
public interface IMessageSource
{
    /// <summary>The next message, or null once the source is drained.</summary>
    ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken);
}
