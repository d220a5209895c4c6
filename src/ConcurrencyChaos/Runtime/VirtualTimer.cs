
namespace ConcurrencyChaos.Runtime;

/// <summary>
/// A timer of <see cref="VirtualTimeProvider"/>. It never fires by itself: the runtime fires it when
/// virtual time reaches its due time. <see cref="Version"/> changes on every Change/Dispose so that
/// stale entries in the provider's queue are recognised and dropped.
/// </summary>
internal sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    public long Version { get; private set; }

    /// <summary>The state the callback is given: what the timer works for (a leaf, a delay's task), for strategies that group work by it.</summary>
    public object? State => state;

    public long DueTicks { get; private set; } = -1;

    public long PeriodTicks { get; private set; } = -1;

    public bool Disposed { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (owner.Gate)
        {
            if (Disposed)
            {
                return false;
            }

            Version++;
            PeriodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? -1 : period.Ticks;
            DueTicks = dueTime == Timeout.InfiniteTimeSpan ? -1 : owner.NowTicks + Math.Max(0, dueTime.Ticks);
            if (DueTicks >= 0)
            {
                owner.Schedule(this);
            }

            return true;
        }
    }

    /// <summary>Runs the callback and re-arms a periodic timer. Called by the runtime only.</summary>
    public void Fire(long version)
    {
        lock (owner.Gate)
        {
            if (Disposed || version != Version)
            {
                return;
            }

            if (PeriodTicks > 0)
            {
                Version++;
                DueTicks += PeriodTicks;
                owner.Schedule(this);
            }
            else
            {
                DueTicks = -1;
            }
        }

        callback(state);
    }

    public void Dispose()
    {
        lock (owner.Gate)
        {
            Disposed = true;
            Version++;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
