namespace ConcurrencyChaos.Execution;

/// <summary>The <see cref="CompletionNotice"/> of the root's task: tells its runner.</summary>
internal sealed class RootNotice(TreeRunner runner) : CompletionNotice
{
    protected override void Ended(Task task) => runner.RootEnded(task);
}
