using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
#if NET9_0_OR_GREATER
using Gate = System.Threading.Lock;
#else
using Gate = System.Object;
#endif

namespace ConcurrencyChaos;

/// <summary>
/// A structured-concurrency scope after asyncio's <c>TaskGroup</c> and Trio's nurseries:
/// <c>await TaskGroup.RunAsync(async group =&gt; { group.Run(ct =&gt; ...); ... }, cancellationToken)</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Life.</b> The group owns one <see cref="CancellationTokenSource"/>; its <see cref="Token"/> is passed to every
/// child and is cancelled when the caller's token is, on the first fault of a child or of the body, or on
/// <see cref="Cancel"/>. The group always waits for the body and every child, even one that ignores its token, and
/// then ends: faulted with one <see cref="TaskGroupException"/> holding every fault in the order the group saw them, else
/// canceled if the caller's token (or a token it is linked to through enclosing groups) was cancelled, else
/// successfully (also after <see cref="Cancel"/>).
/// </para>
/// <para>
/// <b>Cancellation or fault.</b> A member (a child or the body) that ends canceled counts as cancellation when, at that
/// moment, the group's <see cref="Token"/>, the caller's token, or any token the group's token is linked to (when the
/// caller's token is an enclosing group's <see cref="Token"/>: that group's caller's token, and so on outwards) is
/// cancelled. It counts as a fault otherwise: canceled while none of those is cancelled (someone else's cancellation,
/// such as a timeout of its own or a stray <c>throw new OperationCanceledException()</c>); and, even while the group is
/// being cancelled, when its <see cref="OperationCanceledException"/> carries an unrelated token that was not cancelled
/// because of the group: a token that is none of those and is not cancelled at all.
/// </para>
/// <para>
/// Those tokens are checked when the member ends, not only the group's own: a token runs its callbacks
/// last-registered-first, so a child waiting with the caller's token itself (<c>Task.WaitAsync(ct)</c>, a source linked
/// to it, a TaskCompletionSource cancelled from <c>ct.Register</c>) ends before the group's token is cancelled.
/// .NET does not say which tokens a <see cref="CancellationTokenSource"/> is linked to, so the group can follow only its
/// caller's token and enclosing groups; for the same reason, an exception that carries another token which is itself
/// cancelled (a source the child linked to the group's token, with a timeout of its own) counts as cancellation while
/// the group is being cancelled.
/// </para>
/// <para>
/// There is deliberately no <c>await using</c> form: <c>DisposeAsync</c> cannot see the exception that leaves the block
/// (asyncio's <c>__aexit__</c> can), so it could neither cancel the children on a body fault nor aggregate that fault;
/// the body is a delegate so the group observes its outcome.
/// </para>
/// </remarks>
public sealed class TaskGroup
{
    private const string RunIsNotAsync = "Mirrors asyncio create_task and Trio start_soon: Run starts a child, it does not await it.";

    /// <summary>
    /// The fallback of <see cref="EnclosingGroup"/>: the groups still running that were started where a token's source
    /// cannot be read (or with <see cref="TaskInternals.ReadsTaskDirectly"/> off), by <see cref="Token"/>.
    /// </summary>
    private static readonly ConcurrentDictionary<CancellationToken, TaskGroup> GroupsByToken = new();

    /// <summary>How many groups <see cref="GroupsByToken"/> holds: a lookup is skipped while it holds none.</summary>
    private static int s_registered;

    /// <summary>The indices of a group's first children, boxed once for every group.</summary>
    private static readonly object[] BoxedIndices = [.. Enumerable.Range(0, 64).Select(index => (object)index)];

    /// <summary>The scheduler made last on this thread, for the context it posts to: groups started on one context share one.</summary>
    [ThreadStatic]
    private static InlineOrPostScheduler? t_scheduler;

    private readonly Gate _gate = new();
    private readonly GroupTokenSource _source;
    private readonly CancellationToken _callerToken;
    private readonly TaskGroup? _parent;
    private readonly TaskScheduler _scheduler;
    private List<TaskGroupFailure>? _failures; // made at the first fault: most groups have none
    private HashSet<Exception>? _seen; // made once the failures are too many to scan
    private CancellationTokenRegistration _callerRegistration;
    private Action<TaskGroup> _complete = static _ => { };
    private object? _result;
    private State _state = State.Running;
    private int _started;
    private int _unfinished;
    private Task? _body;
    private bool _registered;
    private Action<Task, object?>? _memberDone; // made for the first member that does not complete at once

    private TaskGroup(CancellationToken callerToken)
    {
        _callerToken = callerToken;
        _parent = EnclosingGroup(callerToken);
        _scheduler = CallerScheduler();
        _source = new GroupTokenSource(this);
        Token = _source.Token;
        if (!(TaskInternals.SourceReadable && TaskInternals.ReadsTaskDirectly))
        {
            GroupsByToken[Token] = this;
            _registered = true;
            _ = Interlocked.Increment(ref s_registered);
        }
    }

    /// <summary>Where the group is in its life; being cancelled ("aborting") is the state of <see cref="Token"/>.</summary>
    private enum State
    {
        /// <summary>The body has not finished yet.</summary>
        Running,

        /// <summary>The body finished; the group waits for the children still running (asyncio: exiting).</summary>
        Joining,

        /// <summary>Body and every child finished; the group's task is (being) completed; no more children.</summary>
        Ended,
    }

    /// <summary>
    /// Gets the group's token: cancelled when the caller's token is, on the first fault, or on <see cref="Cancel"/>.
    /// Every child receives it.
    /// </summary>
    public CancellationToken Token { get; }

    /// <summary>Runs <paramref name="body"/> in a new group and waits for it and every child it started.</summary>
    /// <param name="body">Starts children with <c>Run</c> or <c>StartAsync</c>; runs on the caller's context.</param>
    /// <param name="cancellationToken">The caller's token; the group's <see cref="Token"/> is linked to it.</param>
    /// <returns>
    /// A task that completes once the body and every child have completed: faulted with a
    /// <see cref="TaskGroupException"/> if anything faulted, else canceled if <paramref name="cancellationToken"/>
    /// was cancelled, else successfully. Already canceled (body not invoked) if the token already was.
    /// </returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ by the body's type, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public static Task RunAsync(Func<TaskGroup, Task> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunBodyAsync<object?>(static (group, body) => ((Func<TaskGroup, Task>)body!)(group), body, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> in a new group, waits for it and every child, and returns its result.</summary>
    /// <typeparam name="T">The body's result type.</typeparam>
    /// <param name="body">Starts children with <c>Run</c> or <c>StartAsync</c>; runs on the caller's context.</param>
    /// <param name="cancellationToken">The caller's token; the group's <see cref="Token"/> is linked to it.</param>
    /// <returns>
    /// As <see cref="RunAsync(Func{TaskGroup, Task}, CancellationToken)"/>, with the body's result on success
    /// (<see langword="default"/> if the body itself ended canceled after <see cref="Cancel"/>).
    /// </returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ by the body's type, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public static Task<T> RunAsync<T>(Func<TaskGroup, Task<T>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunBodyAsync<T>(static (group, body) => ((Func<TaskGroup, Task<T>>)body!)(group), body, cancellationToken);
    }

    /// <summary>
    /// The pattern shape of a group: runs every child, in order, in one group; the catalog's <c>task-group</c>.
    /// </summary>
    /// <param name="children">The children, each started with <c>Run</c> in list order.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The group's task, as <see cref="RunAsync(Func{TaskGroup, Task}, CancellationToken)"/>.</returns>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = "Mirrors Task.WhenAll: the pattern's name.")]
    public static Task WhenAll(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);

        // A static body with the children as its state: no closure and delegate per group.
        return RunBodyAsync<object?>(
            static (group, state) =>
            {
                var children = (IReadOnlyList<Func<CancellationToken, Task>>)state!;
                if (children is Func<CancellationToken, Task>[] array)
                {
                    for (var i = 0; i < array.Length; i++)
                    {
                        _ = group.Run(array[i]);
                    }
                }
                else
                {
                    foreach (var child in children)
                    {
                        _ = group.Run(child);
                    }
                }

                return Task.CompletedTask;
            },
            children,
            cancellationToken);
    }

    /// <summary>Starts a child in this group, passing it <see cref="Token"/>.</summary>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>
    /// The child's task; an already canceled task (without invoking <paramref name="work"/>) if the group is being
    /// cancelled; a faulted one if <paramref name="work"/> threw or returned <see langword="null"/>.
    /// </returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public Task Run(Func<CancellationToken, Task> work) => Run(null, work);

    /// <summary>Starts a named child in this group, passing it <see cref="Token"/>.</summary>
    /// <param name="name">The child's name in <see cref="TaskGroupException.Failures"/>; <see langword="null"/> for none.</param>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>As <see cref="Run(Func{CancellationToken, Task})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public Task Run(string? name, Func<CancellationToken, Task> work) => Spawn<object?>(name, work, start: null);

    /// <summary>Starts a child with a result in this group, passing it <see cref="Token"/>.</summary>
    /// <typeparam name="T">The child's result type.</typeparam>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>
    /// The child's task, which holds its result once the group has ended; otherwise as
    /// <see cref="Run(Func{CancellationToken, Task})"/>.
    /// </returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> work) => Run(null, work);

    /// <summary>Starts a named child with a result in this group, passing it <see cref="Token"/>.</summary>
    /// <typeparam name="T">The child's result type.</typeparam>
    /// <param name="name">The child's name in <see cref="TaskGroupException.Failures"/>; <see langword="null"/> for none.</param>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>As <see cref="Run{T}(Func{CancellationToken, Task{T}})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public Task<T> Run<T>(string? name, Func<CancellationToken, Task<T>> work) => (Task<T>)Spawn<T>(name, work, start: null);

    /// <summary>
    /// Starts a child and waits until it calls <see cref="StartedSignal.Signal()"/>, like Trio's <c>nursery.start</c>;
    /// the child then goes on in this group. Before it signals, its failure is this call's, not the group's.
    /// </summary>
    /// <param name="work">The child: it receives the signal and <see cref="Token"/>; invoked synchronously.</param>
    /// <returns>
    /// A task that completes when the child signals; that throws what the child threw, or is canceled if the child ended
    /// canceled, before signalling (then the group is not affected); that throws an <see cref="InvalidOperationException"/>
    /// if the child returned without signalling; already canceled (child not invoked) if the group is being cancelled.
    /// </returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    public Task StartAsync(Func<StartedSignal, CancellationToken, Task> work) => StartAsync(null, work);

    /// <summary>Starts a named child and waits until it signals that it started, as <see cref="StartAsync(Func{StartedSignal, CancellationToken, Task})"/>.</summary>
    /// <param name="name">The child's name in <see cref="TaskGroupException.Failures"/>; <see langword="null"/> for none.</param>
    /// <param name="work">The child: it receives the signal and <see cref="Token"/>; invoked synchronously.</param>
    /// <returns>As <see cref="StartAsync(Func{StartedSignal, CancellationToken, Task})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    public Task StartAsync(string? name, Func<StartedSignal, CancellationToken, Task> work) => StartAsync<object?>(name, work);

    /// <summary>
    /// Starts a child and waits until it calls <see cref="StartedSignal{T}.Signal(T)"/>, like Trio's
    /// <c>value = await nursery.start(...)</c>; the child then goes on in this group.
    /// </summary>
    /// <typeparam name="T">The type of the value the child signals with.</typeparam>
    /// <param name="work">The child: it receives the signal and <see cref="Token"/>; invoked synchronously.</param>
    /// <returns>The value the child signalled with; otherwise as <see cref="StartAsync(Func{StartedSignal, CancellationToken, Task})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    public Task<T> StartAsync<T>(Func<StartedSignal<T>, CancellationToken, Task> work) => StartAsync(null, work);

    /// <summary>Starts a named child and waits until it signals that it started, with a value, as <see cref="StartAsync{T}(Func{StartedSignal{T}, CancellationToken, Task})"/>.</summary>
    /// <typeparam name="T">The type of the value the child signals with.</typeparam>
    /// <param name="name">The child's name in <see cref="TaskGroupException.Failures"/>; <see langword="null"/> for none.</param>
    /// <param name="work">The child: it receives the signal and <see cref="Token"/>; invoked synchronously.</param>
    /// <returns>As <see cref="StartAsync{T}(Func{StartedSignal{T}, CancellationToken, Task})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    public Task<T> StartAsync<T>(string? name, Func<StartedSignal<T>, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = new StartedSignal<T>();
        _ = Spawn<object?>(name, ct => work(started, ct), started);
        return started.Task;
    }

    /// <summary>
    /// Cancels the group, like asyncio's <c>TaskGroup.cancel()</c>: cancels <see cref="Token"/>, and the group then ends
    /// successfully unless something faulted or the caller's token was cancelled. Idempotent; does nothing once the group
    /// has ended.
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

        // Running/Joining -> aborting, with no fault: the group will end cleanly.
        //
        //     await TaskGroup.RunAsync(async group =>
        //     {
        //         group.Run(ct => ServeAsync(ct));
        //         await shutdownRequested;
        //         group.Cancel();   // <- here
        //     });
        Abort();
    }

    /// <summary>The exception a canceled task would throw: its <see cref="OperationCanceledException"/>, as thrown.</summary>
    /// <param name="canceled">A task that has ended canceled.</param>
    [SuppressMessage("Usage", "VSTHRD002:Avoid problematic synchronous waits", Justification = "The task has completed; this only retrieves its exception.")]
    internal static OperationCanceledException CancellationOf(Task canceled)
    {
        // The only public way to get the original exception of a canceled task; one throw per canceled member that faults.
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

    /// <summary>The one place groups start: <paramref name="body"/> is called with the group and <paramref name="state"/>.</summary>
    private static Task<T> RunBodyAsync<T>(Func<TaskGroup, object?, Task> body, object state, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new TaskGroup(cancellationToken);
        group._result = result;
        group._complete = static g => g.Complete((TaskCompletionSource<T>)g._result!);

        // The caller's cancellation aborts the group (inline, if it already happened meanwhile).
        group._callerRegistration = cancellationToken.UnsafeRegister(static g => ((TaskGroup)g!).Abort(), group);

        // The body runs on the caller's context, like the block of an `async with`.
        Task bodyTask;
        try
        {
            bodyTask = body(group, state) ?? Thrown<object?>(ReturnedNull());
        }
        catch (Exception exception)
        {
            bodyTask = Thrown<object?>(exception);
        }

        group._body = bodyTask;
        group.Watch(bodyTask, childIndex: null, name: null, start: null);
        return result.Task;
    }

    /// <summary>
    /// The scheduler of the continuations that handle members: they run inline; what cannot (a member whose task
    /// forces asynchronous continuations, such as another group's) is queued where <c>await</c> would resume.
    /// </summary>
    private static TaskScheduler CallerScheduler()
    {
        if (SynchronizationContext.Current is not { } context || context.GetType() == typeof(SynchronizationContext))
        {
            return TaskScheduler.Current;
        }

        // Stateless, so groups on one context share one: the last made on this thread (which keeps that context alive).
        var scheduler = t_scheduler;
        if (scheduler is null || scheduler.Context != context)
        {
            t_scheduler = scheduler = new InlineOrPostScheduler(context);
        }

        return scheduler;
    }

    /// <summary>
    /// The group whose <see cref="Token"/> <paramref name="callerToken"/> is, if it is still running: read from the
    /// token's source where the runtime lets it be read, else looked up among the groups that registered.
    /// </summary>
    private static TaskGroup? EnclosingGroup(CancellationToken callerToken)
    {
        if (!callerToken.CanBeCanceled)
        {
            return null;
        }

        if (Volatile.Read(ref s_registered) > 0 && GroupsByToken.TryGetValue(callerToken, out var registered))
        {
            return registered;
        }

        // Not asked whether ReadsTaskDirectly: a group registered or not while tests switch it is still found.
        return TaskInternals.SourceReadable && TaskInternals.SourceOf(ref callerToken) is GroupTokenSource { Group: var parent } && !parent.HasEnded
            ? parent
            : null;
    }

    /// <summary>Gets the enclosing group this one found from its caller's token, if any.</summary>
    internal TaskGroup? Parent => _parent;

    /// <summary>Gets a value indicating whether this group registered in the fallback's table.</summary>
    internal bool Registered => _registered;

    /// <summary>Whether the group has ended (a registered one has left <see cref="GroupsByToken"/> by then).</summary>
    private bool HasEnded
    {
        get
        {
            lock (_gate)
            {
                return _state == State.Ended;
            }
        }
    }

    /// <summary>The task an async method returns when it throws <paramref name="exception"/>: canceled for an OperationCanceledException, else faulted.</summary>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = "Returns an already completed task; nothing to await.")]
    private static Task<T> Thrown<T>(Exception exception)
    {
        var method = AsyncTaskMethodBuilder<T>.Create();
        method.SetException(exception);
        return method.Task;
    }

    private static InvalidOperationException ReturnedNull() =>
        new("A TaskGroup delegate returned null instead of a task.");

    /// <summary>
    /// The one place children start (<c>Run</c> in every form, and <c>StartAsync</c>). <typeparamref name="T"/> is the
    /// child's result type, so that the tasks made here for a child that never ran can be cast back by <c>Run{T}</c>.
    /// </summary>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    private Task Spawn<T>(string? name, Func<CancellationToken, Task> work, StartedSignal? start)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Admit(out var index))
        {
            var refused = Task.FromCanceled<T>(Token);
            _ = start?.TryEndUnsignalled(refused);
            return refused;
        }

        Task child;
        try
        {
            child = work(Token) ?? Thrown<T>(ReturnedNull());
        }
        catch (Exception exception)
        {
            child = Thrown<T>(exception);
        }

        Watch(child, index, name, start);
        return child;
    }

    /// <summary>Counts a new child in and numbers it, or says no: throws once ended, refuses while being cancelled.</summary>
    private bool Admit(out int index)
    {
        lock (_gate)
        {
            // Ended refuses: the group's task may already be complete, so nobody would wait for this child.
            //
            //     TaskGroup? saved = null;
            //     await TaskGroup.RunAsync(group => { saved = group; return Task.CompletedTask; });
            //     saved.Run(ct => WorkAsync(ct));   // <- InvalidOperationException
            if (_state == State.Ended)
            {
                throw new InvalidOperationException("This TaskGroup has ended; it cannot start more children.");
            }

            // An aborting group starts nothing (a joining one still does: a child may start its siblings).
            if (Token.IsCancellationRequested)
            {
                index = -1;
                return false;
            }

            index = _started++;
            _unfinished++;
            return true;
        }
    }

    private void Watch(Task member, int? childIndex, string? name, StartedSignal? start)
    {
        if (member.IsCompleted)
        {
            // Already done (or threw synchronously): handle it before Run returns, so the next Run sees the outcome.
            OnMemberDone(member, childIndex, name, start);
        }
        else
        {
            // Handled inline when the member completes, so faults are recorded in the order they happen;
            // where that is not allowed (e.g. another group's task), queued to the caller's context, never the pool.
            // One delegate per group; a member's state is as small as it allows: none for the body, a shared box of
            // the index for a plain child.
            _ = member.ContinueWith(
                _memberDone ??= OnMemberDone,
                childIndex is not { } index ? null
                    : name is null && start is null ? (index < BoxedIndices.Length ? BoxedIndices[index] : index)
                    : (childIndex, name, start),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                _scheduler);
        }
    }

    /// <summary>The continuation of a member that did not complete at once, with the state <see cref="Watch"/> gave it.</summary>
    private void OnMemberDone(Task member, object? state)
    {
        switch (state)
        {
            case null:
                OnMemberDone(member, childIndex: null, name: null, start: null);
                break;
            case int index:
                OnMemberDone(member, index, name: null, start: null);
                break;
            default:
                var (childIndex, name, start) = ((int?, string?, StartedSignal?))state;
                OnMemberDone(member, childIndex, name, start);
                break;
        }
    }

    /// <summary>Classifies a finished member (the body when <paramref name="childIndex"/> is null) and ends the group after the last one.</summary>
    private void OnMemberDone(Task member, int? childIndex, string? name, StartedSignal? start)
    {
        // A child of StartAsync that ends before it signalled: its outcome is StartAsync's, not the group's.
        //
        //     try { port = await group.StartAsync<int>((started, ct) => ListenAsync(started, ct)); }
        //     catch (SocketException) { ... }   // <- the group carries on
        if (start is null || !start.TryEndUnsignalled(member))
        {
            Classify(member, childIndex, name);
        }

        bool ended;
        lock (_gate)
        {
            if (childIndex is null)
            {
                // Running -> Joining: the body is done; wait for the children.
                _state = State.Joining;
            }
            else
            {
                _unfinished--;
            }

            // Joining -> Ended: body and every child are done; from now on Run refuses.
            ended = _state == State.Joining && _unfinished == 0;
            if (ended)
            {
                _state = State.Ended;
            }
        }

        if (ended)
        {
            _callerRegistration.Unregister();
            if (_registered)
            {
                _ = GroupsByToken.TryRemove(new KeyValuePair<CancellationToken, TaskGroup>(Token, this));
                _ = Interlocked.Decrement(ref s_registered);
            }

            _complete(this);
        }
    }

    /// <summary>Records a member's faults (the rule of the class remarks decides a canceled one) and aborts on the first.</summary>
    private void Classify(Task member, int? childIndex, string? name)
    {
        var faulted = false;
        switch (member.Status)
        {
            case TaskStatus.Faulted:
                // Reading the exceptions also marks them observed: a child nobody awaits raises no UnobservedTaskException.
                var exceptions = TaskInternals.FaultsOf(member);
                for (var i = 0; i < exceptions.Count; i++)
                {
                    faulted |= Record(new TaskGroupFailure(exceptions[i], childIndex, name, isBody: childIndex is null));
                }

                break;

            case TaskStatus.Canceled:
                if (!IsCancellation(member))
                {
                    // Someone else's cancellation, hence a fault:
                    //
                    //     group.Run(async ct =>
                    //     {
                    //         using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    //         await CallAsync(timeout.Token);   // <- ends canceled, the group is not
                    //     });
                    faulted |= Record(new TaskGroupFailure(CancellationOf(member), childIndex, name, isBody: childIndex is null));
                }

                break;
        }

        if (faulted)
        {
            // Running/Joining -> aborting: the first fault cancels siblings and body.
            //
            //     await TaskGroup.RunAsync(async group =>
            //     {
            //         group.Run(ct => throw new InvalidOperationException());
            //         await Task.Delay(Timeout.Infinite, group.Token);   // <- cancelled
            //     });
            Abort();
        }
    }

    /// <summary>Whether a member that ended canceled ended by the group's cancellation (see the class remarks).</summary>
    private bool IsCancellation(Task canceled)
    {
        if (!Token.IsCancellationRequested && CancelledFromOutside() is null)
        {
            return false; // none of the group's tokens is cancelled: whatever the exception's token, a fault
        }

        // Not cancelled because of the group: another token, which nobody has cancelled.
        //
        //     catch (OperationCanceledException) { throw new OperationCanceledException(other.Token); }
        var token = TaskInternals.CanceledToken(canceled);
        return !(token.CanBeCanceled && !token.IsCancellationRequested && !IsOwnOrOuterToken(token));
    }

    /// <summary>The first cancelled token among the caller's and those further out (enclosing groups' callers').</summary>
    private CancellationToken? CancelledFromOutside()
    {
        // Checked as well as Token: the caller's token may already be cancelled while its callbacks, the group's abort
        // among them, still run, last-registered-first:
        //
        //     await TaskGroup.RunAsync(group =>
        //     {
        //         group.Run(_ => Forever.WaitAsync(cancellationToken));   // <- ends before group.Token is cancelled
        //         ...
        //     }, cancellationToken);
        for (var group = this; group is not null; group = group._parent)
        {
            if (group._callerToken.IsCancellationRequested)
            {
                return group._callerToken;
            }
        }

        return null;
    }

    private bool IsOwnOrOuterToken(CancellationToken token)
    {
        if (token == Token)
        {
            return true;
        }

        for (var group = this; group is not null; group = group._parent)
        {
            if (token == group._callerToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a failure unless its very exception is already recorded (e.g. the body rethrew a child's).</summary>
    private bool Record(TaskGroupFailure failure)
    {
        lock (_gate)
        {
            // Once ended, the outcome is fixed (only a late Cancel() callback could get here).
            if (_state == State.Ended || AlreadyRecorded(failure.Exception))
            {
                return false;
            }

            (_failures ??= []).Add(failure);
            return true;
        }
    }

    /// <summary>Whether this very exception is recorded already: a scan of the few failures most groups have, a set past them. Under the gate.</summary>
    private bool AlreadyRecorded(Exception exception)
    {
        const int Scanned = 8;
        if (_seen is null && (_failures?.Count ?? 0) < Scanned)
        {
            for (var i = 0; i < (_failures?.Count ?? 0); i++)
            {
                if (ReferenceEquals(_failures![i].Exception, exception))
                {
                    return true;
                }
            }

            return false;
        }

        _seen ??= new(_failures!.Select(recorded => recorded.Exception), ReferenceEqualityComparer.Instance);
        return !_seen.Add(exception);
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
                _ = Record(new TaskGroupFailure(inner, childIndex: null, childName: null, isBody: false));
            }
        }
    }

    /// <summary>Completes the group's task once it ended.</summary>
    [SuppressMessage("Usage", "VSTHRD002:Avoid problematic synchronous waits", Justification = "The body's task has completed; this reads its result.")]
    private void Complete<T>(TaskCompletionSource<T> result)
    {
        if (_failures is { Count: > 0 } failures)
        {
            // Faults win over cancellation.
            result.SetException(new TaskGroupException([.. failures]));
        }
        else if (CancelledFromOutside() is { } token)
        {
            // The caller cancelled: end canceled even if every child swallowed it.
            result.SetCanceled(token);
        }
        else
        {
            result.SetResult(_body is Task<T> { Status: TaskStatus.RanToCompletion } body ? body.Result : default!);
        }
    }
}
