namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The fixed service: every vendor call runs in one <see cref="TaskGroup"/>, so the first failure cancels the
/// other calls, every call has ended before the group does, and every error reaches the caller (in one
/// <see cref="TaskGroupException"/>).
/// </summary>
public sealed class QuoteService(IQuoteProvider provider)
{
    /// <summary>Asks every vendor concurrently and returns the cheapest quote.</summary>
    public async Task<Quote> GetBestQuoteAsync(IReadOnlyList<string> vendors, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(vendors.Count);
        var quotes = await TaskGroup.RunAsync(
            group => Task.WhenAll(vendors.Select(vendor => group.Run(token => provider.GetQuoteAsync(vendor, token)))),
            cancellationToken);
        return quotes.MinBy(quote => quote.Price)!;
    }
}
