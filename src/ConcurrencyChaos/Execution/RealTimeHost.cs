using System.Diagnostics;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// Real-time execution (<see cref="ExecutionMode.RealTime"/>): the tree's code runs on the thread pool
/// with the real clock, every delay scaled by <see cref="RunOptions.TimeScale"/>. The caller's thread
/// starts the root on a context that posts to the pool but catches what escapes async void methods, then only waits until the root and every started
/// node have ended or the real-time budget is spent. Trace events carry real elapsed ms divided by the
/// scale and a global sequence number as their step. Nothing is reproducible here.
/// </summary>
internal sealed class RealTimeHost : RunHost
{
    private readonly ScaledTimeProvider _clock;
    private readonly Stopwatch _elapsed = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly TimeSpan _budget;
    private readonly TimeSpan _tolerance;
    private readonly List<TimeSpan> _eventTimes = [];
    private readonly double _scale;
    private long _sequence;
    private long _heartbeat;
    private RunStatus? _abort;

    /// <param name="scale">Real ms per virtual ms.</param>
    /// <param name="budget">Virtual time after which a run that has not ended is stopped.</param>
    /// <param name="headroom">Real time added to the scaled budget: a loaded machine's pool is not sped up by the scale.</param>
    /// <param name="tolerance">Real time within which two events are a tie (<see cref="RunOptions.RealTimeTolerance"/>).</param>
    public RealTimeHost(double scale, TimeSpan budget, TimeSpan headroom, TimeSpan tolerance)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "TimeScale must be a positive, finite number.");
        }

        if (tolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "RealTimeTolerance must not be negative.");
        }

        PoolHeadroom.Ensure();
        _scale = scale;
        _budget = (budget * scale) + headroom;
        _clock = new ScaledTimeProvider(scale);
        _tolerance = tolerance;
    }

    public override TimeProvider Clock => _clock;

    public override long NowMs => (long)(_elapsed.Elapsed.TotalMilliseconds / _scale);

    /// <summary>Wake-ups of the waiting caller plus events recorded: changes while nodes work, even when none ends.</summary>
    public override long Progress => Volatile.Read(ref _heartbeat) + Volatile.Read(ref _sequence);

    /// <summary>Events recorded so far: the last event's step.</summary>
    public override long Steps => Volatile.Read(ref _sequence);

    public override bool IsControlled => false;

    public override RealTimeTies? Ties
    {
        get
        {
            lock (_eventTimes)
            {
                return new RealTimeTies([.. _eventTimes], _tolerance);
            }
        }
    }

    public override TaskScheduler Scheduler => TaskScheduler.Default;

    public override long EventStep()
    {
        // Under the recorder's lock, so steps and their real times are appended in the same order.
        lock (_eventTimes)
        {
            _eventTimes.Add(_elapsed.Elapsed);
            return Interlocked.Increment(ref _sequence);
        }
    }

    public override void Changed() => _changed.Release();

    public override RunStatus Run(IRunDriver run)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new RealTimeSynchronizationContext(this));
        _elapsed.Start();
        try
        {
            run.Start();
            while (true)
            {
                if (_abort is { } aborted)
                {
                    return aborted;
                }

                if (run.Finished())
                {
                    return RunStatus.Completed;
                }

                var left = _budget - _elapsed.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return RunStatus.TimeBudgetExhausted;
                }

                // Woken by every end; the slice keeps the watchdog fed while nodes are working.
                _ = _changed.Wait(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
                Interlocked.Increment(ref _heartbeat);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _clock.Stop();
        }
    }

    public override void Abort(RunStatus status)
    {
        _abort ??= status;
        _changed.Release();
    }

    /// <summary>
    /// The system clock with timer due times and periods multiplied by the scale. It holds every timer it
    /// made until the run ends, so a timer only its own callback state refers to is not collected early.
    /// </summary>
    private sealed class ScaledTimeProvider(double scale) : TimeProvider
    {
        private readonly List<ITimer> _timers = [];
        private bool _stopped;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = System.CreateTimer(callback, state, Scaled(dueTime), Scaled(period));
            lock (_timers)
            {
                if (!_stopped)
                {
                    _timers.Add(timer);
                }
            }

            return timer;
        }

        /// <summary>Stops holding the timers (a late straggler may still fire; nothing waits for it).</summary>
        public void Stop()
        {
            lock (_timers)
            {
                _stopped = true;
                _timers.Clear();
            }
        }

        private TimeSpan Scaled(TimeSpan span) =>
            span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span * scale;
    }
}
