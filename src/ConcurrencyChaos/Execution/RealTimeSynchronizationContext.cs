using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// The real-time host's context: work posted to it runs on the thread pool, as it would with no context at all, but an
/// exception escaping a posted callback — an <c>async void</c> method's, which the method's builder posts to the
/// context it captured — is reported as an <c>async-void-exception</c> diagnostic instead of crashing the
/// process that runs the search. The context stays current while the callback runs, so an <c>async void</c> method
/// started from there is caught too.
/// </summary>
internal sealed class RealTimeSynchronizationContext(RunHost host) : SynchronizationContext
{
    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Context.Invoke(s.Callback, s.State), (Context: this, Callback: d, State: state), preferLocal: false);

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    private void Invoke(SendOrPostCallback callback, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            callback(state);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            host.ReportEscapedException(e);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
