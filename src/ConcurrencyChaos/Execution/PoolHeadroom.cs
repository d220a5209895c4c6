
namespace ConcurrencyChaos.Execution;

/// <summary>
/// Makes sure the thread pool can answer a real-time run in milliseconds. Real-time mode runs the tree on the pool
/// (timer callbacks, <c>ConfigureAwait(false)</c> continuations, a host's <c>Task.Run</c>), and its verdict depends on
/// when things happen. Under a test runner the pool starts with as many threads as cores, and some are blocked for the whole
/// run (xunit's runner loop, the test-platform's message loop, the test thread waiting for <c>Chaos.Run</c>): on a two-core
/// machine every one of them was blocked, and work then waited for the pool's starvation injection, one thread every half
/// second — timers due at 300 ms fired at 1,176 ms. Raising the pool's minimum lets it add threads at once instead.
/// </summary>
internal static class PoolHeadroom
{
    /// <summary>The minimum number of worker threads a real-time run asks for.</summary>
    internal const int MinWorkerThreads = 16;

    private static int _ensured;

    /// <summary>Raises the pool's minimum worker threads to <see cref="MinWorkerThreads"/> (process-wide, once; never lowers it).</summary>
    public static void Ensure()
    {
        if (Interlocked.Exchange(ref _ensured, 1) != 0)
        {
            return;
        }

        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinWorkerThreads)
        {
            _ = ThreadPool.SetMinThreads(MinWorkerThreads, io);
        }
    }
}
