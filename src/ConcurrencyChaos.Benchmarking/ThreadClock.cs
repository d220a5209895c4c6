using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// CPU time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID), so throughput on a shared, loaded
/// machine counts the time the harness thread actually ran, not time it waited for a core. Falls back
/// to wall-clock time where that clock is unavailable.
/// </summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether <see cref="Now"/> is thread CPU time (else wall-clock time).</summary>
    public static bool IsCpuTime { get; } = Probe();

    /// <summary>The calling thread's CPU time so far (or wall-clock time; see <see cref="IsCpuTime"/>).</summary>
    public static TimeSpan Now()
    {
        if (IsCpuTime && clock_gettime(ClockThreadCpuTimeId, out var spec) == 0)
        {
            return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the whole assembly for one blittable call
    [DllImport("libc", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec spec);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
