namespace ConcurrencyChaos.Execution;

/// <summary>A <see cref="CompletionNotice"/> that runs an action.</summary>
internal sealed class ActionNotice(Action<Task> ended) : CompletionNotice
{
    protected override void Ended(Task task) => ended(task);
}
