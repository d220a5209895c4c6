
namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Virtual time: a <see cref="TimeProvider"/> whose clock moves only when the runtime advances it,
/// and whose timers fire only then. Timers are kept in a (due, sequence) queue so timers due at the
/// same instant come out in creation order; the runtime's scheduling strategy then orders them with
/// everything else that is ready at that instant.
/// </summary>
/// <param name="escapes">Told of timers made on other threads.</param>
/// <param name="expectedTimers">Room made at once in the queue, so it seldom grows.</param>
internal sealed class VirtualTimeProvider(EscapeDetector escapes, int expectedTimers = 0) : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PriorityQueue<(VirtualTimer Timer, long Version), (long Due, long Sequence)> _queue = new(expectedTimers);
    private long _sequence;

    internal Lock Gate { get; } = new();

    /// <summary>Virtual now, in ticks since the run began.</summary>
    public long NowTicks { get; private set; }

    /// <summary>Virtual now, in whole milliseconds since the run began.</summary>
    public long NowMs => NowTicks / TimeSpan.TicksPerMillisecond;

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(NowTicks);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => NowTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        escapes.NoteForeignThread("CreateTimer");
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void Schedule(VirtualTimer timer) =>
        _queue.Enqueue((timer, timer.Version), (timer.DueTicks, _sequence++));

    /// <summary>The due time of the earliest live timer, or null when none is pending.</summary>
    public long? NextDue()
    {
        lock (Gate)
        {
            while (_queue.TryPeek(out var entry, out var priority))
            {
                if (!entry.Timer.Disposed && entry.Version == entry.Timer.Version)
                {
                    return priority.Due;
                }

                _queue.Dequeue();
            }

            return null;
        }
    }

    /// <summary>Moves the clock to <paramref name="due"/> and hands every live timer due then to <paramref name="ready"/>.</summary>
    public void AdvanceTo(long due, ISchedulingStrategy ready)
    {
        lock (Gate)
        {
            NowTicks = Math.Max(NowTicks, due);
            while (_queue.TryPeek(out var entry, out var priority) && priority.Due <= NowTicks)
            {
                _queue.Dequeue();
                if (!entry.Timer.Disposed && entry.Version == entry.Timer.Version)
                {
                    ready.Add(WorkItem.Fire(entry.Timer, entry.Version));
                }
            }
        }
    }
}
