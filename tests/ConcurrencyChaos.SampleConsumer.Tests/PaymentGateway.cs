namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The team's payment gateway client, as its tests wire it: real code in front of an in-memory ledger. Under
/// chaos its calls become leaves of the tree: Polly decides how long each takes and whether it fails.
/// </summary>
public sealed class PaymentGateway
{
    private int _charges;

    /// <summary>How many charges went through.</summary>
    public int Charges => Volatile.Read(ref _charges);

    /// <summary>Charges an order.</summary>
    public Task ChargeAsync(string orderId, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _charges);
        return Task.CompletedTask;
    }

    /// <summary>Reserves stock for an order.</summary>
    public async Task ReserveStockAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        await Task.Yield(); // real async code: it resumes on the harness's context
        cancellationToken.ThrowIfCancellationRequested();
    }
}
