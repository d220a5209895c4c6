namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>
/// The real-time hosted-service tests run one at a time (their verdicts rest on real timing) after one warm-up host.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostingCollection : ICollectionFixture<HostWarmUp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Hosted services in real time";
}
