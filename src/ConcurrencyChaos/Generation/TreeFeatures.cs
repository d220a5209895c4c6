namespace ConcurrencyChaos.Generation;

/// <summary>
/// Swarm testing: each tree switches whole features on or off, so plain trees (only successes and
/// one fault) and exotic ones (nested groups of misbehaving, hanging, cancelled children) both
/// turn up, instead of every tree being a uniform blend of everything.
/// </summary>
internal sealed record TreeFeatures(
    bool Faults,
    bool Hangs,
    bool SyncThrows,
    bool Misbehaviour,
    bool Cleanup,
    bool Nesting,
    bool CallerCancels,
    bool SharedDelays);
