namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>A message a queue pump hands to its handler.</summary>
/// <param name="Id">Which message.</param>
public sealed record Message(int Id);
