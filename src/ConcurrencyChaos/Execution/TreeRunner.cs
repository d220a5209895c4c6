using System.Globalization;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// The Execute stage: turns a <see cref="TaskTree"/> into real async code — leaves as
/// <see cref="LeafTask"/>s, groups as the pattern under test (or the group's named pattern) over
/// their children — runs it on a fresh <see cref="DeterministicRuntime"/> seeded by the tree, and
/// returns the <see cref="Trace"/>. It never judges.
/// </summary>
internal sealed class TreeRunner
{
    private readonly TaskTree _tree;
    private readonly RunHost _host;
    private readonly TraceRecorder _recorder;
    private readonly FanOutPattern _patternUnderTest;
    private readonly Func<string, Func<TimeProvider, FanOutPattern>> _namedPatterns;
    private readonly IReadOnlyDictionary<string, Func<CancellationToken, Task>> _operations;
    private readonly Dictionary<string, FanOutPattern> _resolved = new(StringComparer.Ordinal);
    private readonly List<(Task Task, Action<Task> Ended)> _open = [];
    private volatile RootResult? _root;
    private int _pendingNotices;

    public TreeRunner(TaskTree tree, Func<TimeProvider, FanOutPattern> patternUnderTest, Func<string, Func<TimeProvider, FanOutPattern>> namedPatterns, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(patternUnderTest);
        _tree = tree;
        _namedPatterns = namedPatterns;
        _operations = options.Operations;
        foreach (var entry in tree.Entries())
        {
            if (entry.Node is Leaf { Operation: { } name } && !_operations.ContainsKey(name))
            {
                throw new ArgumentException(UnknownOperation(entry.Id, name, _operations.Keys), nameof(tree));
            }
        }

        _host = options.Mode == ExecutionMode.RealTime
            ? new RealTimeHost(options.TimeScale, options.MaxVirtualTime ?? RealTimeBudget(tree))
            : new DeterministicRuntime(new RandomStrategy(tree.Seed), new RuntimeLimits(options.MaxSteps, options.MaxVirtualTime ?? DefaultTimeBudget(tree), options.ForeignWorkGrace));
        _recorder = new TraceRecorder(_host);
        _patternUnderTest = patternUnderTest(_host.Clock)
            ?? throw new ArgumentException("The pattern factory returned null.", nameof(patternUnderTest));
        _host.AfterStep = NoticeEnded;
    }

    /// <summary>Steps taken so far: the watchdog's measure of progress.</summary>
    public long Progress => _host.Progress;

    /// <summary>Ten times all the tree's work, cleanup and cancellation time, plus a virtual minute.</summary>
    public static TimeSpan DefaultTimeBudget(TaskTree tree) => TimeSpan.FromMilliseconds((10 * TotalTime(tree)) + 60_000);

    /// <summary>
    /// The default budget in real-time mode, in virtual ms: all the tree's work, cleanup and cancellation
    /// time (what running every leaf one after another would take) plus two virtual seconds.
    /// </summary>
    public static TimeSpan RealTimeBudget(TaskTree tree) => TimeSpan.FromMilliseconds(TotalTime(tree) + 2_000);

    /// <summary>All the tree's work, cleanup and cancellation time, in virtual ms: every leaf one after another.</summary>
    private static long TotalTime(TaskTree tree)
    {
        long total = tree.CancelAfter ?? 0;
        foreach (var entry in tree.Entries())
        {
            if (entry.Node is Leaf leaf)
            {
                total += leaf.Work + leaf.Cleanup;
            }
        }

        return total;
    }

    private static string TopFrames(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3).ToList();
        return frames.Count == 0 ? "" : $"; thrown {string.Join(" ← ", frames)}";
    }

    /// <summary>The error for a leaf naming an operation that is not registered.</summary>
    public static string UnknownOperation(string nodeId, string name, IEnumerable<string> registered)
    {
        var known = registered.Order(StringComparer.Ordinal).ToList();
        return $"Leaf {nodeId} runs operation '{name}', which is not registered. "
            + (known.Count == 0
                ? "No operations are registered: operations are your code, registered in RunOptions.Operations (replay such a tree from your test suite with those options)."
                : $"Registered operations: {string.Join(", ", known)}.");
    }

    /// <summary>Runs the tree on the current thread.</summary>
    public Trace Run()
    {
        var status = _host.Run(Start, () => _root is not null && _recorder.Running == 0 && Volatile.Read(ref _pendingNotices) == 0);
        if (_root is not null && status is RunStatus.Deadlocked or RunStatus.TimeBudgetExhausted or RunStatus.StepBudgetExhausted)
        {
            status = RunStatus.CompletedWithStragglers;
        }

        return Snapshot(status);
    }

    /// <summary>The trace so far of a run whose thread was abandoned by the watchdog.</summary>
    public Trace Abandon(TimeSpan stuckAfter)
    {
        _host.Abort(RunStatus.Stuck);
        _host.Report(DiagnosticKind.Stuck, _host.CurrentNode, string.Create(CultureInfo.InvariantCulture,
            $"the runtime thread took no step for {stuckAfter.TotalSeconds:0.#} s of real time (a busy loop, Thread.Sleep, or a blocking wait the runtime could not see); the thread was abandoned"));
        return Snapshot(RunStatus.Stuck);
    }

    private Trace Snapshot(RunStatus status) =>
        new(_recorder.Snapshot(), _root ?? RootResult.NeverEnded, status, _host.Diagnostics, _host.NowMs, _host.Steps);

    private void Start()
    {
        var caller = new CancellationTokenSource();
        if (_tree.CancelAfter is { } after)
        {
            if (after <= 0)
            {
                CancelCaller(caller);
            }
            else
            {
                _host.Clock.CreateTimer(_ => CancelCaller(caller), null, TimeSpan.FromMilliseconds(after), Timeout.InfiniteTimeSpan);
            }
        }

        Task root;
        try
        {
            root = Node(TaskTree.RootId, _tree.Root)(caller.Token);
        }
        catch (Exception e)
        {
            // The root pattern threw before returning a task: an awaiting caller sees exactly this.
            _root = Result(e);
            _host.Changed();
            return;
        }

        OnCompleted(root, task =>
        {
            _root = Result(task);
            _host.Changed();
        });
    }

    private void CancelCaller(CancellationTokenSource caller)
    {
        using var instant = _recorder.Pin();
        _recorder.CallerCancelled();
        caller.Cancel();
    }

    private Func<CancellationToken, Task> Node(string id, TreeNode node) => node switch
    {
        Leaf { Operation: { } name } leaf => OperationLeaf.Create(id, leaf, _operations[name], _recorder, _host, _tree.Seed),
        Leaf leaf => LeafTask.Create(id, leaf, _recorder, _host.Clock),
        Group group => GroupTask(id, group),
        _ => throw new ArgumentException($"Unknown node type {node.GetType().Name} at {id}.", nameof(node)),
    };

    private Func<CancellationToken, Task> GroupTask(string id, Group group)
    {
        var children = new Func<CancellationToken, Task>[group.Children.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = Node(TaskTree.ChildId(id, i), group.Children[i]);
        }

        var pattern = group.Pattern is { } name ? Resolve(name) : _patternUnderTest;
        return token =>
        {
            _recorder.Started(id);
            var registration = token.IsCancellationRequested
                ? default
                : token.UnsafeRegister(static (state, _) => ((Action)state!)(), (Action)(() => _recorder.TokenCancelled(id)));
            if (token.IsCancellationRequested)
            {
                _recorder.TokenCancelled(id);
            }

            Task task;
            try
            {
                task = pattern(children, token)
                    ?? throw new InvalidOperationException($"The pattern of group {id} returned null instead of a Task.");
            }
            catch (Exception e)
            {
                if (e is OperationCanceledException || InjectedError.ReachableFrom(e).Count > 0)
                {
                    _host.Report(DiagnosticKind.SyncThrow, id, $"the pattern of group {id} threw {e.GetType().Name} before returning a Task; a caller that awaits it sees that exception, but a caller that stores the task first never gets one");
                }
                else
                {
                    // None of the tree's errors is in it: the pattern (or its setup) itself is broken.
                    _host.Report(DiagnosticKind.PatternError, id, $"the pattern of group {id} threw {e.GetType().Name} ({e.Message}) before returning a Task, and none of the tree's injected errors is in it: the pattern or its setup is broken{TopFrames(e)}");
                }

                registration.Unregister();
                _recorder.Ended(id, NodeOutcome.Faulted, e.GetType().Name);
                throw;
            }

            void Record(Task t)
            {
                registration.Unregister();
                _recorder.Ended(id, Outcome(t), t.IsFaulted ? t.Exception!.InnerExceptions[0].GetType().Name : null);
            }

            if (task.IsCompleted)
            {
                Record(task);
                return task;
            }

            // The parent gets a proxy that completes only after the end is recorded: a pattern task
            // with asynchronous continuations (a TaskGroup's) could otherwise let the parent end first.
            var proxy = new TaskCompletionSource();
            OnCompleted(task, t =>
            {
                Record(t);
                proxy.SetFromTask(t); // every exception, or canceled with the same token; never throws
            });
            return proxy.Task;
        };
    }

    private FanOutPattern Resolve(string name)
    {
        if (!_resolved.TryGetValue(name, out var pattern))
        {
            pattern = _namedPatterns(name)(_host.Clock);
            _resolved[name] = pattern;
        }

        return pattern;
    }

    /// <summary>
    /// Runs <paramref name="action"/> the moment <paramref name="task"/> completes, before any
    /// continuation registered later; on the runtime's own scheduler, so a task that forces its
    /// continuations asynchronous (RunContinuationsAsynchronously) queues it on the runtime, never the pool.
    /// </summary>
    private void OnCompleted(Task task, Action<Task> action)
    {
        if (task.IsCompleted)
        {
            action(task);
            return;
        }

        // A task may complete without running its continuations yet (RunContinuationsAsynchronously):
        // it is noticed after the step in which it completed, so the trace has the true end. The
        // continuation covers completion outside a step (on another thread). Whichever comes first wins;
        // the run is not finished until the continuation has run too, because when the task completed on
        // another thread, its arrival is what reports that escape.
        var once = 0;
        void Once(Task t)
        {
            if (Interlocked.Exchange(ref once, 1) == 0)
            {
                action(t);
            }
        }

        if (_host.IsControlled)
        {
            _open.Add((task, Once));
        }

        Interlocked.Increment(ref _pendingNotices);
        _ = task.ContinueWith(
            static (t, state) =>
            {
                var (runner, once) = ((TreeRunner, Action<Task>))state!;
                once(t);
                Interlocked.Decrement(ref runner._pendingNotices);
                runner._host.Changed();
            },
            (this, (Action<Task>)Once),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            _host.Scheduler);
    }

    private void NoticeEnded()
    {
        for (var i = 0; i < _open.Count; i++)
        {
            if (_open[i].Task.IsCompleted)
            {
                var (task, ended) = _open[i];
                _open.RemoveAt(i--);
                ended(task);
            }
        }
    }

    private static NodeOutcome Outcome(Task task) => task.Status switch
    {
        TaskStatus.RanToCompletion => NodeOutcome.RanToCompletion,
        TaskStatus.Canceled => NodeOutcome.Canceled,
        _ => NodeOutcome.Faulted,
    };

    private static RootResult Result(Task task) => task.Status switch
    {
        TaskStatus.RanToCompletion => new RootResult(NodeOutcome.RanToCompletion, null, []),
        TaskStatus.Canceled => new RootResult(NodeOutcome.Canceled, nameof(TaskCanceledException), []),
        // `await` throws the first inner exception; whatever else Task.Exception holds is lost to the caller.
        _ => Result(task.Exception!.InnerExceptions[0]) with { Outcome = NodeOutcome.Faulted },
    };

    private static RootResult Result(Exception thrown) =>
        new(thrown is OperationCanceledException ? NodeOutcome.Canceled : NodeOutcome.Faulted, Describe(thrown), InjectedError.ReachableFrom(thrown));

    private static string Describe(Exception e)
    {
        var name = e.GetType().Name;
        if (e is AggregateException aggregate)
        {
            return $"{name}({string.Join(", ", aggregate.InnerExceptions.Select(Describe))})";
        }

        return InjectedError.Of(e) is { } tag ? $"{name} from {tag.NodeId}" : name;
    }
}
