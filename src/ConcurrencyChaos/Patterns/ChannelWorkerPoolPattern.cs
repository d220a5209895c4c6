using System.Threading.Channels;

namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>channel-worker-pool</c>: the children are written to a bounded <see cref="Channel{T}"/> (capacity
/// 2) consumed by two workers; the caller awaits the producer and both workers with
/// <see cref="Task.WhenAll(Task[])"/>.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var channel = Channel.CreateBounded&lt;Func&lt;CancellationToken, Task&gt;&gt;(2);
///     async Task ProduceAsync()
///     {
///         foreach (var item in items) await channel.Writer.WriteAsync(token =&gt; ProcessAsync(item, token), ct);
///         channel.Writer.Complete();
///     }
///     async Task ConsumeAsync()
///     {
///         await foreach (var work in channel.Reader.ReadAllAsync(ct)) await work(ct);
///     }
///     await Task.WhenAll(ProduceAsync(), ConsumeAsync(), ConsumeAsync());
/// }
/// </code>
/// Characteristic failure: a child's exception ends its worker's loop, so that worker stops
/// consuming. Nobody cancels anything: the other worker carries on alone, the failing child's queued
/// siblings wait their turn, and when both workers have faulted the producer waits forever for room
/// in the full channel (the run never ends unless the caller cancels). When it does end,
/// <c>await</c> surfaces only the first worker's error (lost errors). A child that throws before
/// returning its task ends its worker the same way. The channel's continuations go through the
/// caller's context, so the pattern stays controlled.
/// </remarks>
internal static class ChannelWorkerPoolPattern
{
    /// <summary>How many workers consume the channel.</summary>
    internal const int Workers = 2;

    /// <summary>The channel's capacity.</summary>
    internal const int Capacity = 2;

    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "channel-worker-pool",
        "A bounded channel of children consumed by two workers, awaited with Task.WhenAll: a failing child stops its worker, nobody cancels the rest, and with every worker dead the producer waits forever.",
        """
        var channel = Channel.CreateBounded<Func<CancellationToken, Task>>(2);
        async Task ProduceAsync()
        {
            foreach (var item in items) await channel.Writer.WriteAsync(token => ProcessAsync(item, token), ct);
            channel.Writer.Complete();
        }
        async Task ConsumeAsync()
        {
            await foreach (var work in channel.Reader.ReadAllAsync(ct)) await work(ct);
        }
        await Task.WhenAll(ProduceAsync(), ConsumeAsync(), ConsumeAsync());
        """,
        isStructured: false,
        _ => RunAsync,
        maxConcurrency: Workers);

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to queue.</param>
    /// <param name="cancellationToken">The caller's token, given to the producer, the readers and every child.</param>
    /// <returns>The awaited WhenAll of the producer and the workers.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Func<CancellationToken, Task>>(Capacity);
        var workers = new Task[Workers + 1];
        workers[0] = ProduceAsync(channel.Writer, children, cancellationToken);
        for (var i = 1; i <= Workers; i++)
        {
            workers[i] = ConsumeAsync(channel.Reader, cancellationToken);
        }

        await Task.WhenAll(workers);
    }

    private static async Task ProduceAsync(ChannelWriter<Func<CancellationToken, Task>> writer, IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        foreach (var child in children)
        {
            await writer.WriteAsync(child, cancellationToken);
        }

        writer.Complete();
    }

    private static async Task ConsumeAsync(ChannelReader<Func<CancellationToken, Task>> reader, CancellationToken cancellationToken)
    {
        await foreach (var work in reader.ReadAllAsync(cancellationToken))
        {
            await work(cancellationToken);
        }
    }
}
