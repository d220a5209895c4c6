namespace ConcurrencyChaos.Model;

/// <summary>What a leaf does once its work is done.</summary>
public enum LeafEnd
{
    /// <summary>Returns normally.</summary>
    Succeed,

    /// <summary>Throws its <see cref="Leaf.Error"/>.</summary>
    Fail,

    /// <summary>Waits until its token is cancelled (forever if nobody cancels it).</summary>
    Hang,

    /// <summary>Throws its <see cref="Leaf.Error"/> synchronously, before returning a Task (work is ignored).</summary>
    ThrowSync,
}
