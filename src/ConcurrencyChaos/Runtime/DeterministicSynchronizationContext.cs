
namespace ConcurrencyChaos.Runtime;

/// <summary>
/// The runtime's SynchronizationContext: <c>await</c> continuations that capture it are posted to the
/// runtime's ready list instead of running anywhere else. It also asks to be told of blocking waits
/// on its thread, so a <c>.Wait()</c> or <c>.Result</c> on unfinished work fails with a clear error
/// instead of hanging the only thread that could finish that work.
/// </summary>
internal sealed class DeterministicSynchronizationContext : SynchronizationContext
{
    private readonly DeterministicRuntime _runtime;

    public DeterministicSynchronizationContext(DeterministicRuntime runtime)
    {
        _runtime = runtime;
        SetWaitNotificationRequired();
    }

    public override void Post(SendOrPostCallback d, object? state) => _runtime.Enqueue(WorkItem.Post(d, state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (_runtime.OnRuntimeThread)
        {
            d(state);
            return;
        }

        throw new InvalidOperationException("Send to the deterministic runtime from another thread would block it; use Post.");
    }

    public override SynchronizationContext CreateCopy() => this;

    public override int Wait(IntPtr[] waitHandles, bool waitAll, int millisecondsTimeout)
    {
        if (millisecondsTimeout == 0 || !_runtime.OnRuntimeThread || !_runtime.InCodeUnderTest)
        {
            return WaitHelper(waitHandles, waitAll, millisecondsTimeout);
        }

        // Brief waits are the runtime's business too: a lock or a class constructor another thread
        // holds for a moment. Only a wait still blocked after a grace period is waiting for work
        // that only this thread could do; that one is reported and broken, never left to hang.
        var grace = millisecondsTimeout == Timeout.Infinite ? BlockingGraceMs : Math.Min(millisecondsTimeout, BlockingGraceMs);
        var result = WaitHelper(waitHandles, waitAll, grace);
        if (result != WaitTimeout || millisecondsTimeout == grace)
        {
            return result;
        }

        throw _runtime.BlockingWait();
    }

    private const int BlockingGraceMs = 200;
    private const int WaitTimeout = 0x102;
}
