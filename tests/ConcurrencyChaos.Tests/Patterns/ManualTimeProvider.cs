using System.Collections.Concurrent;

namespace ConcurrencyChaos.Tests.Patterns;

/// <summary>A clock whose timers fire only when the test says so.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<ManualTimer> _timers = new();

    public IReadOnlyList<ManualTimer> Timers => [.. _timers];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime);
        _timers.Enqueue(timer);
        return timer;
    }

    internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
    {
        public TimeSpan DueTime { get; private set; } = dueTime;

        public bool IsDisposed { get; private set; }

        /// <summary>Fires the timer now, as if its due time had come.</summary>
        public void Fire()
        {
            Assert.False(IsDisposed, "fired a disposed timer");
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            return !IsDisposed;
        }

        public void Dispose() => IsDisposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
