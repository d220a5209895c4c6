namespace ConcurrencyChaos.Runtime;

/// <summary>
/// One unit of ready work: a posted callback, a queued task, or a timer due now. One field holds whichever it is (they
/// are of distinct types), so the ready set moves 24 bytes per item rather than 40.
/// </summary>
internal readonly record struct WorkItem
{
    private readonly object _work;

    private WorkItem(object work, object? state, long version)
    {
        _work = work;
        State = state;
        Version = version;
    }

    public SendOrPostCallback? Callback => _work as SendOrPostCallback;

    public object? State { get; }

    public Task? Task => _work as Task;

    public VirtualTimer? Timer => _work as VirtualTimer;

    public long Version { get; }

    public static WorkItem Post(SendOrPostCallback callback, object? state) => new(callback, state, 0);

    public static WorkItem Queue(Task task) => new(task, null, 0);

    public static WorkItem Fire(VirtualTimer timer, long version) => new(timer, null, version);
}
