namespace ConcurrencyChaos.Shims;

/// <summary>
/// The hook between the shims and the deterministic runtime: the controlled run active on the current
/// ExecutionContext, if any. The runtime enters one for the length of a run on its thread; everything the
/// run starts captures that ExecutionContext, so a shim called from the run's code finds it and goes
/// through the runtime, and a shim called anywhere else finds none and calls the original API.
/// </summary>
/// <remarks>
/// The same <see cref="AsyncLocal{T}"/> is the safety net's sensor: its value changes on a thread exactly
/// when that thread starts or stops running an ExecutionContext of the run, so a thread other than the
/// runtime's that switches to the run's context is work of this run executing elsewhere
/// (<see cref="ForeignThreadEntered"/>), and switching away is that work ending (<see cref="ForeignThreadLeft"/>).
/// </remarks>
internal abstract class ControlledRun
{
    private static readonly AsyncLocal<ControlledRun?> Ambient = new(OnContextChanged);

    private int _threadId = -1;
    private volatile bool _active;

    /// <summary>The controlled run of the current ExecutionContext while it is running, else null.</summary>
    public static ControlledRun? Current => Ambient.Value is { _active: true } run ? run : null;

    /// <summary>Where tasks started through the shims are queued: the runtime's ready set.</summary>
    public abstract TaskScheduler Scheduler { get; }

    /// <summary>The runtime's SynchronizationContext.</summary>
    public abstract SynchronizationContext Context { get; }

    /// <summary>The virtual clock.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>Whether the caller is on the runtime's thread.</summary>
    public bool OnRuntimeThread => Environment.CurrentManagedThreadId == _threadId;

    /// <summary>
    /// Makes this run the current one on this thread's ExecutionContext until <see cref="Exit"/>; the calling
    /// thread is the runtime's. Returns the run that was current before, for <see cref="Exit"/>.
    /// </summary>
    public ControlledRun? Enter()
    {
        _threadId = Environment.CurrentManagedThreadId;
        var previous = Ambient.Value;
        _active = true;
        Ambient.Value = this;
        return previous;
    }

    /// <summary>Ends the run: from now on its shims call the original APIs, even from work it left behind.</summary>
    public void Exit(ControlledRun? previous)
    {
        _active = false;
        Ambient.Value = previous;
    }

    /// <summary>
    /// Records that code blocked (or was about to block) the runtime thread through <paramref name="api"/>, stops
    /// the run, and returns the exception to throw into that code.
    /// </summary>
    public abstract Exception BlockingCall(string api);

    /// <summary>Called on a thread other than the runtime's when it starts running an ExecutionContext of this run.</summary>
    protected abstract void ForeignThreadEntered();

    /// <summary>Called on that thread when it stops running it.</summary>
    protected abstract void ForeignThreadLeft();

    private static void OnContextChanged(AsyncLocalValueChangedArgs<ControlledRun?> change)
    {
        if (!change.ThreadContextChanged || ReferenceEquals(change.PreviousValue, change.CurrentValue))
        {
            return;
        }

        // Never throw here: this runs while the runtime restores an ExecutionContext.
        try
        {
            if (change.PreviousValue is { OnRuntimeThread: false } left)
            {
                left.ForeignThreadLeft();
            }

            if (change.CurrentValue is { OnRuntimeThread: false } entered)
            {
                entered.ForeignThreadEntered();
            }
        }
        catch (Exception)
        {
            // A sensor must not take the process down; the run's other detectors still see the escape.
        }
    }
}
