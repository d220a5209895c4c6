namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The service as it is first written: a linked token so the team can "fail fast", Task.WhenAny to take
/// the quotes as they arrive, and on the first failure cancel the other calls and rethrow. It does not
/// wait for the calls it cancelled, so they outlive the method and whatever they throw next is lost;
/// and a vendor that swallows the caller's cancellation still yields a price.
/// </summary>
public sealed class NaiveQuoteService(IQuoteProvider provider)
{
    /// <summary>Asks every vendor concurrently and returns the cheapest quote.</summary>
    public async Task<Quote> GetBestQuoteAsync(IReadOnlyList<string> vendors, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(vendors.Count);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = vendors.Select(vendor => provider.GetQuoteAsync(vendor, cts.Token)).ToList();
        var quotes = new List<Quote>(vendors.Count);
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            try
            {
                quotes.Add(await done);
            }
            catch
            {
                cts.Cancel(); // fail fast: stop asking the others
                throw;
            }
        }

        return quotes.MinBy(quote => quote.Price)!;
    }
}
