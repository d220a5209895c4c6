using System.Diagnostics;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// CPU time of the whole process (every thread: the harness thread, the pool, the GC), the clock the public-path and
/// baseline rows are measured on: on a shared machine wall time measures the neighbours, CPU time measures us.
/// </summary>
internal static class ProcessClock
{
    /// <summary>The process's CPU time so far.</summary>
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Runs <paramref name="work"/> and returns the process CPU time and the bytes allocated (all threads) it took.</summary>
    public static (TimeSpan Cpu, long Bytes) Measure(Action work)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Now();
        work();
        return (Now() - cpu, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }
}
