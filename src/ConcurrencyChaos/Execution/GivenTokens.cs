namespace ConcurrencyChaos.Execution;

/// <summary>
/// The tokens the groups around a node were last given, innermost first: what a leaf that waits on an outer token
/// (<see cref="Model.Leaf.OuterToken"/>) closes over. Each group sets its own when its pattern is called.
/// </summary>
internal sealed class GivenTokens(GivenTokens? parent)
{
    /// <summary>The token the innermost group was last given (the caller's, for the root).</summary>
    public CancellationToken Token { get; set; }

    private GivenTokens? Parent { get; } = parent;

    /// <summary>The tokens <paramref name="levels"/> groups out (1: this one); past the root, the root's (the caller's).</summary>
    public GivenTokens At(int levels)
    {
        var tokens = this;
        for (var i = 1; i < levels && tokens.Parent is { } outer; i++)
        {
            tokens = outer;
        }

        return tokens;
    }
}
