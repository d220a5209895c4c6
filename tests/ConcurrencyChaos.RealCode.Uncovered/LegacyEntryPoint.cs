using Contoso.FanOut;

namespace Contoso.Legacy;

/// <summary>An older entry point that hops to the thread pool before running the group.</summary>
public static class LegacyEntryPoint
{
    /// <summary><c>Task.Run(() => ResilientFanOut.RunAllAsync(...))</c>.</summary>
    /// <param name="operations">The operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The group's task.</returns>
    public static Task RunOnThreadPoolAsync(IReadOnlyList<Func<CancellationToken, Task>> operations, CancellationToken cancellationToken) =>
        Task.Run(() => ResilientFanOut.RunAllAsync(operations, cancellationToken), cancellationToken);
}
