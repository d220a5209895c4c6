namespace ConcurrencyChaos.Tests.Patterns;

/// <summary>A child whose end the test decides; records the token it was given.</summary>
internal sealed class Probe
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Not asynchronous: Succeed/Fail/cancellation end the child inline, on the caller's thread, so the
    // order in which a test ends children is the order in which the pattern sees them end.
    private readonly TaskCompletionSource _outcome = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _honorsCancellation;
    private readonly Exception? _failOnCancel;

    /// <param name="honorsCancellation">End canceled as soon as the token is cancelled.</param>
    /// <param name="failOnCancel">Fail with this error as soon as the token is cancelled.</param>
    public Probe(bool honorsCancellation = false, Exception? failOnCancel = null)
    {
        _honorsCancellation = honorsCancellation;
        _failOnCancel = failOnCancel;
    }

    public CancellationToken Token { get; private set; }

    public SynchronizationContext? ContextAtStart { get; private set; }

    public Task Started => _started.Task;

    public bool HasStarted => _started.Task.IsCompleted;

    public bool HasEnded => _ended.Task.IsCompleted;

    public Func<CancellationToken, Task> Child => RunAsync;

    public void Succeed() => _outcome.TrySetResult();

    public void Fail(Exception error) => _outcome.TrySetException(error);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        Token = cancellationToken;
        ContextAtStart = SynchronizationContext.Current;
        using var registration = cancellationToken.Register(() =>
        {
            if (_failOnCancel is not null)
            {
                _outcome.TrySetException(_failOnCancel);
            }
            else if (_honorsCancellation)
            {
                _outcome.TrySetCanceled(cancellationToken);
            }
        });
        _started.TrySetResult();
        try
        {
            await _outcome.Task;
        }
        finally
        {
            _ended.TrySetResult();
        }
    }
}
