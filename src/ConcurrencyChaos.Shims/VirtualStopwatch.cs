namespace ConcurrencyChaos.Shims;

/// <summary>A <see cref="System.Diagnostics.Stopwatch"/> on a run's virtual clock, kept beside a real one made inside the run.</summary>
internal sealed class VirtualStopwatch(ControlledRun run)
{
    private long _elapsed;
    private long _started;

    public bool IsRunning { get; private set; }

    /// <summary>Elapsed Stopwatch ticks.</summary>
    public long ElapsedTicks => _elapsed + (IsRunning ? Clocks.VirtualTimestamp(run) - _started : 0);

    public TimeSpan Elapsed => Clocks.FromStopwatchTicks(ElapsedTicks);

    public void Start()
    {
        if (!IsRunning)
        {
            _started = Clocks.VirtualTimestamp(run);
            IsRunning = true;
        }
    }

    public void Stop()
    {
        if (IsRunning)
        {
            _elapsed += Clocks.VirtualTimestamp(run) - _started;
            IsRunning = false;
        }
    }

    public void Reset()
    {
        _elapsed = 0;
        IsRunning = false;
    }

    public void Restart()
    {
        _elapsed = 0;
        _started = Clocks.VirtualTimestamp(run);
        IsRunning = true;
    }
}
