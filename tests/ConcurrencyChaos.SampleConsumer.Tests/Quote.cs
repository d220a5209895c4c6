namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>One vendor's price for the order.</summary>
/// <param name="Vendor">Who quoted.</param>
/// <param name="Price">What they asked.</param>
public sealed record Quote(string Vendor, decimal Price);
