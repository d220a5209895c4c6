namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The fixed service: every vendor call runs in one <see cref="TaskGroup"/>, so the first failure cancels the
/// other calls, every call has ended before the group does, every error reaches the caller (in one
/// <see cref="TaskGroupException"/>), and a caller who cancelled gets a cancelled task, not a price.
/// </summary>
public sealed class QuoteService(IQuoteProvider provider)
{
    /// <summary>Asks every vendor concurrently and returns the cheapest quote.</summary>
    public Task<Quote> GetBestQuoteAsync(IReadOnlyList<string> vendors, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(vendors.Count);

        // The cheapest quote is picked inside the group, so the group's own task is the answer: it cannot
        // succeed after the caller cancelled (code after an `await` of the group would run a step later).
        return TaskGroup.RunAsync(
            async group =>
            {
                var calls = vendors.Select(vendor => group.Run(token => provider.GetQuoteAsync(vendor, token))).ToList();
                var quotes = await Task.WhenAll(calls);
                return quotes.MinBy(quote => quote.Price)!;
            },
            cancellationToken);
    }
}
