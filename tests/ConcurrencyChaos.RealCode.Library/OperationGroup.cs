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
        if (Start(operation) is { } task)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Record(task);
        }
    }

    /// <summary>Starts one operation under the group's token: null when the group was cancelled before it started.</summary>
    public Task? Start(Work operation)
    {
        if (Token.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            return operation(Token);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <summary>Records how a started operation ended: a fault, or a cancellation the group did not ask for, fails the group.</summary>
    /// <returns>Whether it failed the group.</returns>
    public bool Record(Task ended)
    {
        if (ended.IsFaulted)
        {
            Fail(ended.Exception!.InnerExceptions);
            return true;
        }

        if (ended.IsCanceled && !Token.IsCancellationRequested)
        {
            Fail([new OperationCanceledException("An operation was canceled while its group was not.")]);
            return true;
        }

        return false;
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

    /// <summary>As <see cref="ThrowIfFailed"/>, as a finished task: for code that ends the group in a continuation.</summary>
    public Task Outcome(CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfFailed(cancellationToken);
            return Task.CompletedTask;
        }
        catch (OperationCanceledException e)
        {
            return Task.FromCanceled(e.CancellationToken);
        }
        catch (AggregateException e)
        {
            return Task.FromException(e);
        }
    }

    public void Dispose() => _source.Dispose();
}
