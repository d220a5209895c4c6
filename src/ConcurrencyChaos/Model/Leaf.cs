namespace ConcurrencyChaos.Model;

/// <summary>
/// A child task: <see cref="Work"/> virtual ms of work, then <see cref="Then"/>; when its token is
/// cancelled while it runs, <see cref="OnCancel"/> after <see cref="Cleanup"/> virtual ms. "Its token" is the
/// one it is given, or an outer one (<see cref="OuterToken"/>).
/// </summary>
public sealed record Leaf : TreeNode
{
    /// <summary>Virtual milliseconds of work before <see cref="Then"/>.</summary>
    public int Work { get; init; }

    /// <summary>What the leaf does after its work.</summary>
    public LeafEnd Then { get; init; } = LeafEnd.Succeed;

    /// <summary>The error thrown by <see cref="LeafEnd.Fail"/> and <see cref="LeafEnd.ThrowSync"/>.</summary>
    public ErrorKind Error { get; init; } = ErrorKind.InvalidOperationException;

    /// <summary>What the leaf does when its token is cancelled while it runs.</summary>
    public CancelBehavior OnCancel { get; init; } = CancelBehavior.Throw;

    /// <summary>Virtual milliseconds of cleanup between seeing cancellation and <see cref="OnCancel"/>.</summary>
    public int Cleanup { get; init; }

    /// <summary>The error thrown during cleanup by <see cref="CancelBehavior.Fail"/>.</summary>
    public ErrorKind CleanupError { get; init; } = ErrorKind.InvalidOperationException;

    /// <summary>
    /// The name of a consumer operation (registered in <see cref="Execution.RunOptions.Operations"/>) this
    /// leaf runs, or null for a simulated leaf. The operation runs inside a Polly chaos pipeline that
    /// realises the leaf (<see cref="Operations.ChaosPipelines"/>): the latency is <see cref="Work"/>, a
    /// fault or hang replaces the call, and it is called only where the leaf succeeds.
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>
    /// Which token the leaf waits on: 0 (the default) the one it is given; 1 the token its group was given, as a child
    /// that closes over its enclosing code's <c>cancellationToken</c> instead of using the group's; 2 the token the
    /// group above that was given; and so on out to the caller's token (the root group's, which any level at or past
    /// the leaf's depth names). The leaf sees only that token's cancellation, and ends canceled with it; whether the
    /// token it is given is cancelled is still recorded, since that is what the pattern is judged on.
    /// </summary>
    public int OuterToken { get; init; }

    /// <inheritdoc />
    public override int NodeCount => 1;

    /// <summary>The C# that builds this leaf, e.g. <c>new Leaf { Work = 5, Then = LeafEnd.Fail }</c>.</summary>
    /// <returns>The C# expression (it needs <c>using ConcurrencyChaos.Model;</c>).</returns>
    public override string ToString() => CSharpTree.Render(this, string.Empty);

    /// <summary>Whether this leaf throws an error of its own when nobody cancels it.</summary>
    public bool Faults => Then is LeafEnd.Fail or LeafEnd.ThrowSync;
}
