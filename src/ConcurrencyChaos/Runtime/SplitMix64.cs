
namespace ConcurrencyChaos.Runtime;

/// <summary>
/// A tiny seeded generator (SplitMix64) whose sequence is fixed by this code alone, not by the
/// framework version: the same seed picks the same interleaving on every machine, forever.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, n).</summary>
    public int Next(int n) => (int)(NextUInt64() % (ulong)n);
}
