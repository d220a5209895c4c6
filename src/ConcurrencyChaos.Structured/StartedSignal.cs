namespace ConcurrencyChaos;

/// <summary>
/// What a child started with <see cref="TaskGroup.StartAsync(Func{StartedSignal, CancellationToken, Task})"/> calls
/// once it is ready, like Trio's <c>task_status.started()</c>: <c>StartAsync</c> then completes, and the child goes on
/// as an ordinary child of the group.
/// </summary>
/// <remarks>
/// Until it signals, the child's outcome is <c>StartAsync</c>'s, not the group's: if it throws, ends canceled, or returns
/// without signalling, <c>StartAsync</c> throws that (an <see cref="InvalidOperationException"/> for the return) and the
/// group is not affected, so the caller of <c>StartAsync</c> decides; the group still waits for the child.
/// </remarks>
public abstract class StartedSignal
{
    private const int Pending = 0;
    private const int Signalled = 1;
    private const int EndedFirst = 2;

    private int _state;

    private protected StartedSignal()
    {
    }

    /// <summary>Signals that the child has started (for a <see cref="StartedSignal{T}"/>, with <see langword="default"/>).</summary>
    /// <exception cref="InvalidOperationException">The child already signalled, or has already ended.</exception>
    public void Signal() => SignalDefault();

    /// <summary>The group calls this when the child ends: <see langword="true"/> if it had not signalled, and then its outcome went to <c>StartAsync</c>.</summary>
    internal bool TryEndUnsignalled(Task child)
    {
        if (Interlocked.CompareExchange(ref _state, EndedFirst, Pending) != Pending)
        {
            return false;
        }

        EndStart(child);
        return true;
    }

    /// <summary>Moves from pending to signalled, once.</summary>
    private protected void Claim()
    {
        var state = Interlocked.CompareExchange(ref _state, Signalled, Pending);
        if (state != Pending)
        {
            throw new InvalidOperationException(state == Signalled
                ? "This child has already signalled that it started."
                : "This child has already ended; it can no longer signal that it started.");
        }
    }

    /// <summary>Signals with the default value.</summary>
    private protected abstract void SignalDefault();

    /// <summary>Gives <c>StartAsync</c> the outcome of a child that ended (or never began) before it signalled.</summary>
    private protected abstract void EndStart(Task child);
}
