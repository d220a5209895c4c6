namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>The service's dependency: asks one vendor for a price (in production, an HTTP client per vendor).</summary>
public interface IQuoteProvider
{
    /// <summary>Asks <paramref name="vendor"/> for a quote.</summary>
    Task<Quote> GetQuoteAsync(string vendor, CancellationToken cancellationToken);
}
