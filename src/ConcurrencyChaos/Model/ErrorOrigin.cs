namespace ConcurrencyChaos.Model;

/// <summary>Where in a leaf an injected error was thrown.</summary>
public enum ErrorOrigin
{
    /// <summary>After the leaf's work (<see cref="LeafEnd.Fail"/>).</summary>
    Fail,

    /// <summary>Synchronously, before the leaf returned a Task (<see cref="LeafEnd.ThrowSync"/>).</summary>
    ThrowSync,

    /// <summary>During cleanup after cancellation (<see cref="CancelBehavior.Fail"/>).</summary>
    Cleanup,
}
