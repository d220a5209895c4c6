using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Hosting;

/// <summary>One child of a group as a <see cref="BackgroundService"/>: what a team writes around a unit of background work.</summary>
/// <param name="child">The child: runs under the token it is given.</param>
/// <param name="style">Whether <c>ExecuteAsync</c> awaits the child or fires and forgets it.</param>
internal sealed class ChildService(Func<CancellationToken, Task> child, HostedServiceStyle style) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (style == HostedServiceStyle.FireAndForgetChild)
        {
            // The bug this style stands for: the host sees ExecuteAsync end at once and never waits for the child.
            _ = child(stoppingToken);
            return Task.CompletedTask;
        }

        return AwaitChildAsync(stoppingToken);
    }

    private async Task AwaitChildAsync(CancellationToken stoppingToken) => await child(stoppingToken);
}
