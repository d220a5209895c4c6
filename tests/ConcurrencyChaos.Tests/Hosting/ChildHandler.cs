namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>The test's handler: handling message i runs child i of the group.</summary>
internal sealed class ChildHandler(IReadOnlyList<Func<CancellationToken, Task>> children) : IMessageHandler
{
    public Task HandleAsync(Message message, CancellationToken cancellationToken) => children[message.Id](cancellationToken);
}
