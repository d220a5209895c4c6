namespace ConcurrencyChaos.Xunit.v3.Tests;

/// <summary>A team's fan-out helper: await Task.WhenAll over the children, the usual naive version.</summary>
public static class FanOuts
{
    public static async Task WhenAllAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) =>
        await Task.WhenAll(children.Select(child => child(ct)));
}
