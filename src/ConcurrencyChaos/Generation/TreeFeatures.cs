namespace ConcurrencyChaos.Generation;

/// <summary>
/// Swarm testing: each tree switches whole features on or off, so plain trees (only successes and
/// one fault) and exotic ones (nested groups of misbehaving, hanging, cancelled children) both
/// turn up, instead of every tree being a uniform blend of everything.
/// </summary>
/// <param name="Faults">Leaves fail after their work.</param>
/// <param name="Hangs">Leaves hang until cancelled.</param>
/// <param name="SyncThrows">Leaves throw before returning a task.</param>
/// <param name="Misbehaviour">Leaves swallow cancellation, fail during cleanup or ignore their token.</param>
/// <param name="Cleanup">Leaves take time to clean up after seeing cancellation.</param>
/// <param name="Nesting">Groups nest; without it the root holds every leaf (as wide as the tree's size allows).</param>
/// <param name="CallerCancels">The caller cancels.</param>
/// <param name="SharedDelays">Delays come from a small palette of the tree's own, so many events share an instant.</param>
/// <param name="CancellationErrors">Errors are often OperationCanceledException or TaskCanceledException of the leaf's own.</param>
/// <param name="OuterTokens">Some leaves wait on an outer token (their group's, out to the caller's) instead of their own.</param>
internal readonly record struct TreeFeatures(
    bool Faults,
    bool Hangs,
    bool SyncThrows,
    bool Misbehaviour,
    bool Cleanup,
    bool Nesting,
    bool CallerCancels,
    bool SharedDelays,
    bool CancellationErrors,
    bool OuterTokens);
