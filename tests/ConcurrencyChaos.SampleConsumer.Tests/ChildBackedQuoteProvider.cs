using System.Globalization;

namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The test double: vendor i is child i of the generated tree. A call runs that child under the token the
/// service passed (so the child fails, hangs, is slow or mishandles cancellation as the tree says) and then
/// quotes a price derived from i.
/// </summary>
public sealed class ChildBackedQuoteProvider(IReadOnlyList<Func<CancellationToken, Task>> children) : IQuoteProvider
{
    /// <summary>One vendor per child: "0", "1", ...</summary>
    public IReadOnlyList<string> Vendors { get; } = [.. children.Select((_, i) => i.ToString(CultureInfo.InvariantCulture))];

    /// <inheritdoc />
    public async Task<Quote> GetQuoteAsync(string vendor, CancellationToken cancellationToken)
    {
        var i = int.Parse(vendor, CultureInfo.InvariantCulture);
        await children[i](cancellationToken);
        return new Quote(vendor, 100m + i);
    }
}
