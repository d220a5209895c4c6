namespace ConcurrencyChaos.Rewriting;

/// <summary>What the rewriter did with one assembly.</summary>
public enum RewriteStatus
{
    /// <summary>Its calls now go through the shims; it carries the rewritten marker.</summary>
    Rewritten,

    /// <summary>It already carried the marker: left alone.</summary>
    AlreadyRewritten,

    /// <summary>It calls nothing that is redirected: left unchanged.</summary>
    NothingToRedirect,
}
