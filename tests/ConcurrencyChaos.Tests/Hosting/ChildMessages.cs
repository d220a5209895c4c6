using System.Threading.Channels;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>The test's message source: message i for each child i of the group, then drained.</summary>
internal sealed class ChildMessages : IMessageSource
{
    private readonly Channel<Message> _messages = Channel.CreateUnbounded<Message>();

    public ChildMessages(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = _messages.Writer.TryWrite(new Message(i));
        }

        _ = _messages.Writer.TryComplete();
    }

    public async ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken) =>
        await _messages.Reader.WaitToReadAsync(cancellationToken) && _messages.Reader.TryRead(out var message) ? message : null;
}
