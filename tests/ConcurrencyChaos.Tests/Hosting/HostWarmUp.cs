using ConcurrencyChaos.Hosting;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>
/// Runs one trivial host before the collection's tests, so the first test does not pay for compiling the hosting stack
/// (about half a second here) inside its own timeline, where it would push the services' start past the caller's
/// cancellation.
/// </summary>
public sealed class HostWarmUp
{
    /// <summary>Runs the host.</summary>
    public HostWarmUp() => _ = Chaos.Run(new TaskTree(new Group(new Leaf())), HostedChaos.Pattern(), HostedChaos.RealTime);
}
