namespace Contoso.FanOut;

/// <summary>An older client API: a Begin/End pair over the group's operations, implemented with <see cref="TaskToAsyncResult"/>.</summary>
/// <param name="group">The group whose operations it runs.</param>
internal sealed class LegacyOperationClient(OperationGroup group)
{
    /// <summary>Starts one operation of the group.</summary>
    public IAsyncResult BeginRun(Work operation, AsyncCallback? callback, object? state) =>
        TaskToAsyncResult.Begin(group.RunAsync(operation), callback, state);

    /// <summary>Ends it (it never throws: the group records failures).</summary>
    public void EndRun(IAsyncResult result) => TaskToAsyncResult.End(result);
}
