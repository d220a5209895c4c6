
namespace ConcurrencyChaos.Runtime;

/// <summary>One unit of ready work: a posted callback, a queued task, or a timer due now.</summary>
internal readonly record struct WorkItem(SendOrPostCallback? Callback, object? State, Task? Task, VirtualTimer? Timer, long Version)
{
    public static WorkItem Post(SendOrPostCallback callback, object? state) => new(callback, state, null, null, 0);

    public static WorkItem Queue(Task task) => new(null, null, task, null, 0);

    public static WorkItem Fire(VirtualTimer timer, long version) => new(null, null, null, timer, version);
}
