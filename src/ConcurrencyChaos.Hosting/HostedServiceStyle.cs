namespace ConcurrencyChaos.Hosting;

/// <summary>How <see cref="HostedChaos.Pattern(HostedServiceChaosOptions?)"/> turns each child of a group into a <c>BackgroundService</c>.</summary>
public enum HostedServiceStyle
{
    /// <summary>
    /// <c>ExecuteAsync</c> awaits the child, passing it the stopping token:
    /// <c>protected override async Task ExecuteAsync(CancellationToken stoppingToken) =&gt; await child(stoppingToken);</c>
    /// </summary>
    AwaitChild,

    /// <summary>
    /// <c>ExecuteAsync</c> starts the child with the stopping token and returns at once without awaiting it:
    /// <c>_ = child(stoppingToken); return Task.CompletedTask;</c> — the host believes the service is done while its work runs on.
    /// </summary>
    FireAndForgetChild,
}
