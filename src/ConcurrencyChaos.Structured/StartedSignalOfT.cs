using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos;

/// <summary>
/// What a child started with <see cref="TaskGroup.StartAsync{T}(Func{StartedSignal{T}, CancellationToken, Task})"/> calls
/// once it is ready, with a value for the caller, like Trio's <c>task_status.started(value)</c>: <c>StartAsync</c> then
/// returns the value, and the child goes on as an ordinary child of the group.
/// </summary>
/// <typeparam name="T">The type of the value the child hands to the caller of <c>StartAsync</c>.</typeparam>
public sealed class StartedSignal<T> : StartedSignal
{
    private readonly TaskCompletionSource<T> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal StartedSignal()
    {
    }

    /// <summary>Gets the task <c>StartAsync</c> returns.</summary>
    [SuppressMessage("Usage", "VSTHRD003:Avoid awaiting foreign Tasks", Justification = "StartAsync's own task, completed by Signal or by the group.")]
    internal Task<T> Task => _started.Task;

    /// <summary>Signals that the child has started, handing <paramref name="value"/> to the caller of <c>StartAsync</c>.</summary>
    /// <param name="value">What <c>StartAsync</c> returns: a port it listens on, a handle, a connection.</param>
    /// <exception cref="InvalidOperationException">The child already signalled, or has already ended.</exception>
    public void Signal(T value)
    {
        Claim();
        _started.SetResult(value);
    }

    private protected override void SignalDefault() => Signal(default!);

    private protected override void EndStart(Task child)
    {
        switch (child.Status)
        {
            case TaskStatus.Faulted:
                _started.SetException(child.Exception!.InnerExceptions);
                break;
            case TaskStatus.Canceled:
                _started.SetCanceled(TaskInternals.CanceledToken(child));
                break;
            default:
                _started.SetException(new InvalidOperationException("A child started with StartAsync ended without signalling that it started."));
                break;
        }
    }
}
