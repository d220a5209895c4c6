namespace Contoso.FanOut;

/// <summary>
/// The bookkeeping of a structured group of operations: one token linked to the caller's, cancelled on the first
/// failure; every failure kept; an operation not started once the group is cancelled. Shared by the fan-outs below.
/// </summary>
internal sealed class OperationGroup : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<Exception> _errors = [];

    public OperationGroup(CancellationToken cancellationToken)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Runs one operation of the group; never throws (its failure is recorded and cancels the group).</summary>
    public async Task RunAsync(Work operation)
    {
        if (Token.IsCancellationRequested)
        {
            return;
        }

        Task task;
        try
        {
            task = operation(Token);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }

        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (task.IsFaulted)
        {
            Fail(task.Exception!.InnerExceptions);
        }
        else if (task.IsCanceled && !Token.IsCancellationRequested)
        {
            Fail([new OperationCanceledException("An operation was canceled while its group was not.")]);
        }
    }

    /// <summary>Records failures that happened outside <see cref="RunAsync"/> and cancels the group.</summary>
    public void Fail(IEnumerable<Exception> errors)
    {
        lock (_errors)
        {
            _errors.AddRange(errors);
        }

        _source.Cancel();
    }

    /// <summary>Throws every failure, else the caller's cancellation, else returns.</summary>
    public void ThrowIfFailed(CancellationToken cancellationToken)
    {
        lock (_errors)
        {
            if (_errors.Count > 0)
            {
                throw new AggregateException(_errors);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _source.Dispose();
}
