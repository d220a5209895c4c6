using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos;

/// <summary>
/// A structured-concurrency scope after asyncio's <c>TaskGroup</c> and Trio's nurseries:
/// <c>await TaskGroup.RunAsync(async group =&gt; { group.Run(...); ... }, ct)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The group owns one <see cref="CancellationTokenSource"/> linked to the caller's token; its
/// <see cref="Token"/> is passed to every child. The first fault of a child or of the body cancels it.
/// The group always waits for every child, even one that ignores its token, and then ends:
/// faulted with one <see cref="TaskGroupException"/> holding every fault in the order they happened,
/// else canceled if the caller's token was cancelled, else successfully (also after <see cref="Cancel"/>).
/// A child or body that ends canceled counts as cancellation only while the group's token is cancelled, and
/// never when its <see cref="OperationCanceledException"/> carries a token that nobody cancelled;
/// otherwise its <see cref="OperationCanceledException"/> is a fault.
/// </para>
/// <para>
/// There is deliberately no <c>await using</c> form: <c>DisposeAsync</c> cannot see the exception that
/// leaves the block (asyncio's <c>__aexit__</c> can), so it could neither cancel the children on a body
/// fault nor aggregate that fault; the body is a delegate so the group observes its outcome.
/// </para>
/// </remarks>
public sealed class TaskGroup
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationToken _callerToken;
    private readonly Outcome _outcome;
    private readonly TaskScheduler _scheduler;
    private readonly List<Exception> _faults = [];
    private readonly HashSet<Exception> _seen = new(ReferenceEqualityComparer.Instance);
    private CancellationTokenRegistration _callerRegistration;
    private State _state = State.Running;
    private int _children;
    private Task? _body;

    private TaskGroup(CancellationToken callerToken, Outcome outcome)
    {
        _callerToken = callerToken;
        _outcome = outcome;
        _scheduler = CallerScheduler();
        Token = _source.Token;
    }

    /// <summary>Where the group is in its life; cancellation ("aborting") is the state of <see cref="Token"/>.</summary>
    private enum State
    {
        /// <summary>The body has not finished yet.</summary>
        Running,

        /// <summary>The body finished; the group waits for the children still running.</summary>
        Joining,

        /// <summary>Body and every child finished; the group's task is (being) completed.</summary>
        Ended,
    }

    /// <summary>
    /// Gets the group's token: cancelled when the caller's token is, on the first fault, or on <see cref="Cancel"/>.
    /// Every child receives it.
    /// </summary>
    public CancellationToken Token { get; }

    /// <summary>Runs <paramref name="body"/> in a new group and waits for it and every child it started.</summary>
    /// <param name="body">Starts children with <see cref="Run"/>; runs on the caller's context.</param>
    /// <param name="cancellationToken">The caller's token; the group's <see cref="Token"/> is linked to it.</param>
    /// <returns>
    /// A task that completes once the body and every child have completed: faulted with a
    /// <see cref="TaskGroupException"/> if anything faulted, else canceled if <paramref name="cancellationToken"/>
    /// was cancelled, else successfully. Already canceled (body not invoked) if the token already was.
    /// </returns>
    public static Task RunAsync(Func<TaskGroup, Task> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return StartAsync<object?>(body, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> in a new group, waits for it and every child, and returns its result.</summary>
    /// <typeparam name="T">The body's result type.</typeparam>
    /// <param name="body">Starts children with <see cref="Run"/>; runs on the caller's context.</param>
    /// <param name="cancellationToken">The caller's token; the group's <see cref="Token"/> is linked to it.</param>
    /// <returns>
    /// As <see cref="RunAsync(Func{TaskGroup, Task}, CancellationToken)"/>, with the body's result on success
    /// (<see langword="default"/> if the body itself ended canceled after <see cref="Cancel"/>).
    /// </returns>
    public static Task<T> RunAsync<T>(Func<TaskGroup, Task<T>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return StartAsync<T>(body, cancellationToken);
    }

    /// <summary>
    /// The pattern shape of a group (DESIGN.md section 5): runs every child, in order, in one group.
    /// </summary>
    /// <param name="children">The children, each started with <see cref="Run"/> in list order.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The group's task, as <see cref="RunAsync(Func{TaskGroup, Task}, CancellationToken)"/>.</returns>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = "Mirrors Task.WhenAll: the pattern's name.")]
    public static Task WhenAll(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        return RunAsync(
            group =>
            {
                foreach (var child in children)
                {
                    _ = group.Run(child);
                }

                return Task.CompletedTask;
            },
            cancellationToken);
    }

    /// <summary>Starts a child in this group, passing it <see cref="Token"/>.</summary>
    /// <param name="work">The child; invoked synchronously, before <see cref="Run"/> returns.</param>
    /// <returns>
    /// The child's task; an already canceled task (without invoking <paramref name="work"/>) if the group's
    /// token is cancelled; a faulted one if <paramref name="work"/> threw or returned <see langword="null"/>.
    /// </returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = "Mirrors asyncio create_task; Run starts a child, it does not await it.")]
    public Task Run(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Admit())
        {
            return Task.FromCanceled(Token);
        }

        Task child;
        try
        {
            child = work(Token) ?? Threw<object?>(ReturnedNull());
        }
        catch (Exception exception)
        {
            child = Threw<object?>(exception);
        }

        Watch(child, isBody: false);
        return child;
    }

    /// <summary>Starts a child in this group, passing it <see cref="Token"/>.</summary>
    /// <typeparam name="T">The child's result type.</typeparam>
    /// <param name="work">The child; invoked synchronously, before <see cref="Run{T}"/> returns.</param>
    /// <returns>
    /// The child's task, which holds its result once the group has ended; an already canceled task (without
    /// invoking <paramref name="work"/>) if the group's token is cancelled; a faulted one if
    /// <paramref name="work"/> threw or returned <see langword="null"/>.
    /// </returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = "Mirrors asyncio create_task; Run starts a child, it does not await it.")]
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Admit())
        {
            return Task.FromCanceled<T>(Token);
        }

        Task<T> child;
        try
        {
            child = work(Token) ?? Threw<T>(ReturnedNull());
        }
        catch (Exception exception)
        {
            child = Threw<T>(exception);
        }

        Watch(child, isBody: false);
        return child;
    }

    /// <summary>
    /// Cancels <see cref="Token"/>; the group then ends successfully unless something faulted or the caller's
    /// token was cancelled. Does nothing once the group has ended.
    /// </summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_state == State.Ended)
            {
                return;
            }
        }

        Abort();
    }

    private static Task<T> StartAsync<T>(Func<TaskGroup, Task> body, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var outcome = new Outcome<T>();
        var group = new TaskGroup(cancellationToken, outcome);

        // Link: the caller's cancellation aborts the group (inline, if it already happened meanwhile).
        group._callerRegistration = cancellationToken.UnsafeRegister(static g => ((TaskGroup)g!).Abort(), group);

        // The body runs on the caller's context, like the block of an `async with`.
        Task bodyTask;
        try
        {
            bodyTask = body(group) ?? group.Threw<object?>(ReturnedNull());
        }
        catch (Exception exception)
        {
            bodyTask = group.Threw<object?>(exception);
        }

        group._body = bodyTask;
        group.Watch(bodyTask, isBody: true);
        return outcome.Task;
    }

    /// <summary>
    /// The scheduler of the continuations that handle members: they run inline; what cannot (a member whose task
    /// forces asynchronous continuations, such as another group's) is queued where <c>await</c> would resume.
    /// </summary>
    private static TaskScheduler CallerScheduler() =>
        SynchronizationContext.Current is { } context && context.GetType() != typeof(SynchronizationContext)
            ? new InlineOrPostScheduler(context)
            : TaskScheduler.Current;

    /// <summary>Counts a new child in, or says no: throws once ended, refuses while aborting.</summary>
    private bool Admit()
    {
        lock (_gate)
        {
            // Only a finished group refuses new children; a joining one still takes them.
            if (_state == State.Ended)
            {
                throw new InvalidOperationException("This TaskGroup has ended; it cannot start more children.");
            }

            // An aborting group starts nothing.
            if (Token.IsCancellationRequested)
            {
                return false;
            }

            _children++;
            return true;
        }
    }

    /// <summary>The task standing for a delegate that threw synchronously.</summary>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = "Returns an already completed task; nothing to await.")]
    private Task<T> Threw<T>(Exception exception)
    {
        if (exception is OperationCanceledException cancellation && Token.IsCancellationRequested && !IsStray(cancellation))
        {
            // Thrown because the group is aborting: that is cancellation, not a fault.
            return Task.FromCanceled<T>(Token);
        }

        // Watch handles (and thereby observes) it before Run returns.
        return Task.FromException<T>(exception);
    }

    private static InvalidOperationException ReturnedNull() =>
        new("A TaskGroup delegate returned null instead of a task.");

    private void Watch(Task member, bool isBody)
    {
        if (member.IsCompleted)
        {
            // Already done (or threw synchronously): handle it before Run returns, so the next Run sees the outcome.
            OnMemberDone(member, isBody);
        }
        else
        {
            // Handled inline when the member completes, so faults are recorded in the order they happen;
            // where that is not allowed (e.g. another group's task), queued to the caller's context, never the pool.
            _ = member.ContinueWith(
                isBody ? static (task, g) => ((TaskGroup)g!).OnMemberDone(task, isBody: true) : static (task, g) => ((TaskGroup)g!).OnMemberDone(task, isBody: false),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                _scheduler);
        }
    }

    /// <summary>Classifies a finished member (body or child) and ends the group after the last one.</summary>
    private void OnMemberDone(Task member, bool isBody)
    {
        var faulted = false;
        switch (member.Status)
        {
            case TaskStatus.Faulted:
                // Reading Exception also marks it observed: a child nobody awaits raises no UnobservedTaskException.
                foreach (var exception in member.Exception!.InnerExceptions)
                {
                    faulted |= Record(exception);
                }

                break;

            case TaskStatus.Canceled when !Token.IsCancellationRequested:
                // Canceled while the group was not aborting: someone else's cancellation, hence a fault.
                faulted |= Record(CancellationOf(member));
                break;

            case TaskStatus.Canceled when CancellationOf(member) is var stray && IsStray(stray):
                // Even while aborting: an OperationCanceledException whose token nobody cancelled is no cancellation at all.
                faulted |= Record(stray);
                break;
        }

        if (faulted)
        {
            // Running/Joining -> aborting: the first fault cancels siblings and body.
            Abort();
        }

        bool ended;
        lock (_gate)
        {
            if (isBody)
            {
                // Running -> Joining: the body is done; wait for the children.
                _state = State.Joining;
            }
            else
            {
                _children--;
            }

            // Joining -> Ended: body and every child are done; from now on Run refuses.
            ended = _state == State.Joining && _children == 0;
            if (ended)
            {
                _state = State.Ended;
            }
        }

        if (ended)
        {
            _callerRegistration.Unregister();
            _outcome.Complete(this);
        }
    }

    /// <summary>Adds a fault unless this very instance is already recorded (e.g. the body rethrew a child's).</summary>
    private bool Record(Exception exception)
    {
        lock (_gate)
        {
            // Once ended, the outcome is fixed (only a late Cancel() callback could get here).
            if (_state == State.Ended || !_seen.Add(exception))
            {
                return false;
            }

            _faults.Add(exception);
            return true;
        }
    }

    private void Abort()
    {
        try
        {
            _source.Cancel();
        }
        catch (AggregateException exception)
        {
            // A callback registered on the group's token threw: a fault like any other.
            foreach (var inner in exception.InnerExceptions)
            {
                Record(inner);
            }
        }
    }

    /// <summary>Whether <paramref name="cancellation"/> carries a token that can be cancelled but was not: an error shaped like a cancellation.</summary>
    private static bool IsStray(OperationCanceledException cancellation) =>
        cancellation.CancellationToken is { CanBeCanceled: true, IsCancellationRequested: false };

    [SuppressMessage("Usage", "VSTHRD002:Avoid problematic synchronous waits", Justification = "The task has completed; this only retrieves its exception.")]
    private static OperationCanceledException CancellationOf(Task canceled)
    {
        // The only way to get the original exception of a canceled task; rare, so the throw is affordable.
        try
        {
            canceled.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException exception)
        {
            return exception;
        }

        return new TaskCanceledException(canceled);
    }

    /// <summary>Runs a continuation inline where possible, else posts it to the caller's context (never the pool).</summary>
    private sealed class InlineOrPostScheduler(SynchronizationContext context) : TaskScheduler
    {
        [SuppressMessage("Usage", "VSTHRD001:Avoid legacy thread switching APIs", Justification = "No JoinableTaskFactory here; posting to the captured context is what await itself does.")]
        protected override void QueueTask(Task task) =>
            context.Post(
                static state =>
                {
                    var (scheduler, queued) = ((InlineOrPostScheduler, Task))state!;
                    _ = scheduler.TryExecuteTask(queued);
                },
                (this, task));

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
            !taskWasPreviouslyQueued && TryExecuteTask(task);

        protected override IEnumerable<Task>? GetScheduledTasks() => null;
    }

    /// <summary>Completes the group's task once it ended.</summary>
    private abstract class Outcome
    {
        public abstract void Complete(TaskGroup group);
    }

    private sealed class Outcome<T> : Outcome
    {
        private readonly TaskCompletionSource<T> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

        [SuppressMessage("Usage", "VSTHRD003:Avoid awaiting foreign Tasks", Justification = "The group's own task, completed by Complete.")]
        public Task<T> Task => _source.Task;

        [SuppressMessage("Usage", "VSTHRD002:Avoid problematic synchronous waits", Justification = "The body's task has completed; this reads its result.")]
        public override void Complete(TaskGroup group)
        {
            if (group._faults.Count > 0)
            {
                // Faults win over cancellation.
                _source.SetException(new TaskGroupException(group._faults));
            }
            else if (group._callerToken.IsCancellationRequested)
            {
                // The caller cancelled: end canceled even if every child swallowed it.
                _source.SetCanceled(group._callerToken);
            }
            else
            {
                _source.SetResult(group._body is Task<T> { Status: TaskStatus.RanToCompletion } body ? body.Result : default!);
            }
        }
    }
}
