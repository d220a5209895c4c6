namespace ConcurrencyChaos.Tests.XunitIntegration;

/// <summary>A team's naive fan-out, which a rendered replay test calls by its method name.</summary>
public static class NaiveFanOut
{
    public static Task RunAllAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) =>
        Task.WhenAll(children.Select(child => child(ct)));
}
