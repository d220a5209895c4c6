namespace ConcurrencyChaos.Generation;

/// <summary>
/// The generator's own random source: SplitMix64 over one seed, so a tree is a pure function of its seed and size
/// that no framework version can change. A struct, passed by reference: drawing allocates nothing.
/// </summary>
internal struct TreeRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A number in [0, <paramref name="n"/>); 0 when <paramref name="n"/> is at most 1.</summary>
    public int Below(int n) => n <= 1 ? 0 : (int)(Next() % (ulong)n);

    /// <summary>A number in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public int Between(int low, int high) => low + Below(high - low + 1);

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public bool Chance(int numerator, int denominator) => Below(denominator) < numerator;

    /// <summary>A number in [0, 1).</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A number in [1, <paramref name="max"/>] spread evenly on a log scale: as likely in 1–10 as in 10k–100k. With
    /// <paramref name="max"/> below 1, 0.
    /// </summary>
    public int LogUniform(int max) => max < 1 ? 0 : Math.Min(max, (int)Math.Pow(max + 1.0, Unit()));

    /// <summary>One of the choices, each as likely as its weight (weights &gt;= 0, not all 0).</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var pick = Below(total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (pick < weights[i])
            {
                return i;
            }

            pick -= weights[i];
        }

        return weights.Length - 1;
    }

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
