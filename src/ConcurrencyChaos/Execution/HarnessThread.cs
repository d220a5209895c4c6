using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// Runs a tree (or a whole search of trees) on a dedicated background thread under a real-time watchdog. If
/// a run stops making progress for too long (a busy loop, a sleep, a wait the runtime could not see), the
/// caller gets control back and the thread is abandoned — never the process, never a hung test.
/// Idle threads are reused, so a search pays for a thread hand-off, not a thread, per call.
/// </summary>
internal static class HarnessThread
{
    private static readonly ConcurrentBag<Worker> Idle = [];

    /// <summary>
    /// Runs <paramref name="work"/> on a harness thread. Returns false, abandoning that thread, when
    /// <paramref name="progress"/> has not changed for <paramref name="stuckAfter"/> of real time.
    /// </summary>
    public static bool TryInvoke<T>(Func<T> work, Func<long> progress, TimeSpan stuckAfter, out T result)
    {
        if (!Idle.TryTake(out var worker))
        {
            worker = new Worker();
        }

        var job = new Job<T>(work);
        worker.Start(job.Execute);
        var last = progress();
        var lastChange = Environment.TickCount64;
        var slice = TimeSpan.FromMilliseconds(Math.Clamp(stuckAfter.TotalMilliseconds / 10, 1, 250));
        while (!job.Done.Wait(slice))
        {
            var now = progress();
            if (now != last)
            {
                last = now;
                lastChange = Environment.TickCount64;
            }
            else if (Environment.TickCount64 - lastChange >= stuckAfter.TotalMilliseconds)
            {
                result = default!;
                return false; // the worker is abandoned: it is never returned to the pool
            }
        }

        Idle.Add(worker);
        job.Failure?.Throw();
        result = job.Result!;
        return true;
    }

    private sealed class Job<T>(Func<T> work)
    {
        public ManualResetEventSlim Done { get; } = new();

        public T? Result { get; private set; }

        public ExceptionDispatchInfo? Failure { get; private set; }

        public void Execute()
        {
            try
            {
                Result = work();
            }
            catch (Exception e)
            {
                Failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                Done.Set();
            }
        }
    }

    private sealed class Worker
    {
        private readonly SemaphoreSlim _start = new(0);
        private Action? _job;

        public Worker()
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "ConcurrencyChaos runtime" };
            thread.Start();
        }

        public void Start(Action job)
        {
            _job = job;
            _start.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                var job = Interlocked.Exchange(ref _job, null);
                job?.Invoke();
            }
        }
    }
}
