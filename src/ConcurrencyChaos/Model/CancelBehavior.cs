namespace ConcurrencyChaos.Model;

/// <summary>What a leaf does when its token is cancelled while it runs (after <see cref="Leaf.Cleanup"/> virtual ms).</summary>
public enum CancelBehavior
{
    /// <summary>Well behaved: throws OperationCanceledException for its token.</summary>
    Throw,

    /// <summary>Catches the cancellation and returns normally.</summary>
    Swallow,

    /// <summary>Throws a new error (its <see cref="Leaf.CleanupError"/>) during cleanup.</summary>
    Fail,

    /// <summary>Never looks at its token: does all of its work and ends as <see cref="Leaf.Then"/> says. Not for hanging leaves.</summary>
    Ignore,
}
