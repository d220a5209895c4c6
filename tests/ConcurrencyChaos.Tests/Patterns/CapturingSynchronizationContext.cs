using System.Collections.Concurrent;

namespace ConcurrencyChaos.Tests.Patterns;

/// <summary>
/// Runs posted callbacks on the thread pool (with itself as the current context) and captures
/// what they throw, as an application's context would receive an async void method's exception.
/// </summary>
internal sealed class CapturingSynchronizationContext : SynchronizationContext
{
    private readonly SemaphoreSlim _errorSignal = new(0);

    public ConcurrentQueue<Exception> Errors { get; } = new();

    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => Execute(d, state), null);

    public override void Send(SendOrPostCallback d, object? state) => Execute(d, state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Waits (bounded) until at least <paramref name="count"/> errors were captured.</summary>
    public async Task WaitForErrorsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _errorSignal.WaitAsync(Children.Guard), "the error never reached the context");
        }
    }

    private void Execute(SendOrPostCallback d, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            d(state);
        }
        catch (Exception error)
        {
            Errors.Enqueue(error);
            _errorSignal.Release();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
