using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Execution;

/// <summary>
/// The Execute stage: interprets a <see cref="TaskTree"/> as real async code on a host (<see cref="Hosts"/>)
/// — leaves as <see cref="LeafTask"/>s or <see cref="OperationLeaf"/>s, groups as the pattern under test (or
/// the group's named pattern) over their children — and returns the <see cref="Trace"/>. It never judges.
/// </summary>
internal sealed class TreeRunner : IRunDriver
{
    private readonly TaskTree _tree;
    private readonly RunHost _host;
    private readonly TraceRecorder _recorder;
    private readonly CompletionNotices _notices;
    private readonly FanOutPattern _patternUnderTest;
    private readonly Func<string, Func<TimeProvider, FanOutPattern>> _namedPatterns;
    private readonly IReadOnlyDictionary<string, Func<CancellationToken, Task>> _operations;
    private Dictionary<string, FanOutPattern>? _resolved;
    private volatile RootResult? _root;
    private ITimer? _callerTimer;

    public TreeRunner(TaskTree tree, Func<TimeProvider, FanOutPattern> patternUnderTest, Func<string, Func<TimeProvider, FanOutPattern>> namedPatterns, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(patternUnderTest);
        _tree = tree;
        _namedPatterns = namedPatterns;
        _operations = options.Operations;
        if (HasUnknownOperation(tree.Root, _operations))
        {
            // Found by a walk without ids; named by one with them.
            foreach (var entry in tree.Entries())
            {
                if (entry.Node is Leaf { Operation: { } name } && !_operations.ContainsKey(name))
                {
                    throw new ArgumentException(ErrorTexts.UnknownOperation(entry.Id, name, _operations.Keys), nameof(tree));
                }
            }
        }

        _host = Hosts.For(tree, options);
        _recorder = new TraceRecorder(_host, expectedEvents: (3 * tree.NodeCount) + 1); // started, ended, mostly a cancellation; the caller's
        _notices = new CompletionNotices(_host);
        _patternUnderTest = patternUnderTest(_host.Clock)
            ?? throw new ArgumentException("The pattern factory returned null.", nameof(patternUnderTest));
    }

    private static bool HasUnknownOperation(Group group, IReadOnlyDictionary<string, Func<CancellationToken, Task>> operations)
    {
        var children = group.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child is Leaf { Operation: { } name } ? !operations.ContainsKey(name) : child is Group inner && HasUnknownOperation(inner, operations))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Steps taken so far: the watchdog's measure of progress.</summary>
    public long Progress => _host.Progress;

    /// <summary>Runs the tree on the current thread.</summary>
    public Trace Run()
    {
        // Chaos.Assert, anywhere in the run's code, records into this run's trace.
        using var scope = RunScope.EnterRun(_recorder, _host);

        var status = _host.Run(this);
        if (_root is not null && status is RunStatus.Deadlocked or RunStatus.TimeBudgetExhausted or RunStatus.StepBudgetExhausted)
        {
            // Out of time or work after the root ended: stragglers if a node still runs, else only the wait for late starts ended.
            status = _recorder.Running == 0 && _notices.AllDelivered ? RunStatus.Completed : RunStatus.CompletedWithStragglers;
        }

        return Snapshot(status);
    }

    /// <summary>
    /// Whether the run is over: the root has ended, so have all the nodes it started, and every end has been noticed.
    /// While a node has never started, the run also waits for the timers still pending: a pattern that returned and
    /// starts children later (from a timer) must be seen starting them, after their group ended, to be judged for it.
    /// The caller's await is over by then, so its cancellation timer is dropped first, as a <c>using</c> of its token
    /// source would, and only the pattern's own timers remain.
    /// </summary>
    bool IRunDriver.Finished()
    {
        if (_root is null || _recorder.Running != 0 || !_notices.AllDelivered)
        {
            return false;
        }

        if (!_host.TimerPending || _recorder.StartedNodes == _tree.NodeCount)
        {
            return true;
        }

        _callerTimer?.Dispose();
        return !_host.TimerPending;
    }

    /// <summary>Stops the run at its next step (from any thread): the caller cancelled. The trace ends <see cref="RunStatus.Cancelled"/>.</summary>
    public void Cancel() => _host.Abort(RunStatus.Cancelled);

    /// <summary>The trace so far of a run whose thread was abandoned by the watchdog.</summary>
    public Trace Abandon(TimeSpan stuckAfter)
    {
        _host.Abort(RunStatus.Stuck);
        _host.Report(DiagnosticKind.Stuck, _host.CurrentNode, ErrorTexts.Stuck(stuckAfter));
        return Snapshot(RunStatus.Stuck);
    }

    /// <summary>After every controlled step: the ends of tasks that completed in it are noticed.</summary>
    void IRunDriver.AfterStep() => _notices.NoticeEnded();

    private Trace Snapshot(RunStatus status) =>
        new(_recorder.Snapshot(), _root ?? RootResult.NeverEnded, status, _host.Diagnostics, _host.NowMs, _host.Steps) { Ties = _host.Ties };

    /// <summary>The first step: arms the caller's cancellation and calls the root, as an awaiting caller would.</summary>
    void IRunDriver.Start()
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
                _callerTimer = _host.Clock.CreateTimer(_ => CancelCaller(caller), null, TimeSpan.FromMilliseconds(after), Timeout.InfiniteTimeSpan);
            }
        }

        Task root;
        try
        {
            root = Node(TaskTree.RootId, _tree.Root, outer: null)(caller.Token);
        }
        catch (Exception e)
        {
            // The root pattern threw before returning a task: an awaiting caller sees exactly this.
            _root = Outcomes.Root(e);
            _host.Changed();
            return;
        }

        _notices.OnCompleted(root, new RootNotice(this));
    }

    /// <summary>The root's task completed: the run may be over.</summary>
    internal void RootEnded(Task task)
    {
        _root = Outcomes.Root(task);
        _host.Changed();
    }

    private void CancelCaller(CancellationTokenSource caller)
    {
        using var instant = _recorder.Pin();
        _recorder.CallerCancelled();
        caller.Cancel();
    }

    /// <summary>The node as a child delegate; <paramref name="outer"/> holds the tokens its enclosing groups were given.</summary>
    private Func<CancellationToken, Task> Node(string id, TreeNode node, GivenTokens? outer) => node switch
    {
        Leaf { Operation: { } name } leaf => OperationLeaf.Create(id, leaf, _operations[name], _recorder, _host, _tree.Seed, OuterToken(leaf, outer)),
        Leaf leaf => LeafTask.Create(id, leaf, _recorder, _host.Clock, OuterToken(leaf, outer)),
        Group group => GroupTask(id, group, outer),
        _ => throw new ArgumentException($"Unknown node type {node.GetType().Name} at {id}.", nameof(node)),
    };

    /// <summary>Reads the outer token a leaf waits on when it starts; null for a leaf that waits on the one it is given.</summary>
    private static Func<CancellationToken>? OuterToken(Leaf leaf, GivenTokens? outer) =>
        leaf.OuterToken > 0 && outer?.At(leaf.OuterToken) is { } tokens ? () => tokens.Token : null;

    /// <summary>A group: its pattern called over its children, with its start, its token's cancellation and its end recorded.</summary>
    private Func<CancellationToken, Task> GroupTask(string id, Group group, GivenTokens? outer)
    {
        var given = new GivenTokens(outer);
        var children = new Func<CancellationToken, Task>[group.Children.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = Node(TaskTree.ChildId(id, i), group.Children[i], given);
        }

        var pattern = group.Pattern is { } name ? Resolve(name) : _patternUnderTest;
        return token =>
        {
            given.Token = token;
            var call = new GroupCall(_recorder, id);
            call.Start(token);

            Task task;
            try
            {
                // The pattern's code runs in its group's scope, and an async pattern keeps it across its awaits.
                using var scope = RunScope.EnterNode(id);
                task = pattern(children, token)
                    ?? throw new InvalidOperationException($"The pattern of group {id} returned null instead of a Task.");
            }
            catch (Exception e)
            {
                ThrewBeforeReturning(id, e);
                call.Threw(e);
                throw;
            }

            if (task.IsCompleted)
            {
                call.Record(task);
                return task;
            }

            // The parent gets a proxy that completes only after the end is recorded (GroupCall.ProxyAsync).
            var proxy = call.ProxyAsync();
            _notices.OnCompleted(task, call);
            return proxy;
        };
    }

    /// <summary>
    /// Reports a group whose pattern threw instead of returning a task: a cancellation or one of the tree's
    /// errors is a finding (sync-throw); any other exception means the pattern or its setup is broken.
    /// </summary>
    private void ThrewBeforeReturning(string id, Exception e)
    {
        if (e is OperationCanceledException || InjectedError.ReachableFrom(e).Count > 0)
        {
            _host.Report(DiagnosticKind.SyncThrow, id, ErrorTexts.SyncThrow(id, e));
        }
        else
        {
            _host.Report(DiagnosticKind.PatternError, id, ErrorTexts.PatternError(id, e));
        }
    }

    private FanOutPattern Resolve(string name)
    {
        _resolved ??= new(StringComparer.Ordinal); // most trees name no pattern: made only for one that does
        if (!_resolved.TryGetValue(name, out var pattern))
        {
            pattern = _namedPatterns(name)(_host.Clock);
            _resolved[name] = pattern;
        }

        return pattern;
    }
}
