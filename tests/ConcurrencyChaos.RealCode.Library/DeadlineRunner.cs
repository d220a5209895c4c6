namespace Contoso.FanOut;

/// <summary>Runs a group under a two-second deadline (<c>CancelAfter(2000)</c>), with a heartbeat every second.</summary>
public static class DeadlineRunner
{
    private static long s_heartbeats;

    /// <summary>Gets how many heartbeats were sent so far.</summary>
    public static long Heartbeats => Interlocked.Read(ref s_heartbeats);

    /// <summary>Runs every operation as <see cref="ResilientFanOut.RunAllAsync"/> does, cancelled after two seconds.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every operation and the heartbeat have.</returns>
    public static async Task RunWithDeadlineAsync(IReadOnlyList<Work> operations, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(2000);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(stopHeartbeat.Token);
        try
        {
            await ResilientFanOut.RunAllAsync(operations, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            await stopHeartbeat.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }
    }

    private static async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref s_heartbeats);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }
}
