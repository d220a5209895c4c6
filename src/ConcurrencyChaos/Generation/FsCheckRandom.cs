namespace ConcurrencyChaos.Generation;

/// <summary>
/// FsCheck 3's <c>Rnd</c> (SplitMix, Steele, Lea and Flood) as the search uses it, computed here so that drawing a
/// search's tree needs no FsCheck call: the same seed gives the same numbers as FsCheck's
/// <c>Gen.Choose(0, int.MaxValue)</c> run on <c>new Rnd(seed)</c>. A struct, passed by reference: drawing allocates
/// nothing.
/// </summary>
/// <remarks>
/// <para>
/// <b>State.</b> <c>new Rnd(seed)</c> is the seed with the golden gamma. Nothing on the search's path splits it
/// (<c>Gen.Sized</c>, <c>Gen.Resize</c>, <c>Gen.Select</c> and <c>Gen.SelectMany</c> pass it on unchanged; only a
/// draw advances it), so the gamma stays golden and one <see cref="ulong"/> is the whole state.
/// </para>
/// <para>
/// <b>A draw.</b> FsCheck's <c>Random.NextInt</c> advances the seed by the gamma and returns <c>Mix32Variant04</c>
/// of the new seed. <c>Gen.Choose(l, h)</c> is <c>Random.RangeInt</c>: for (0, int.MaxValue) the size of the
/// inclusive range, h - l + 1, overflows to int.MinValue, so it takes the branch for "large" ranges and draws until
/// a number is in [l, h) — h itself is never drawn — and returns the first such number, leaving the seed after it.
/// </para>
/// </remarks>
/// <param name="seed">The seed of FsCheck's <c>new Rnd(seed)</c>.</param>
internal struct FsCheckRandom(ulong seed)
{
    /// <summary>FsCheck's <c>GOLDEN_GAMMA</c>, the gamma of <c>new Rnd(seed)</c>.</summary>
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _seed = seed;

    /// <summary>What <c>Gen.Choose(0, int.MaxValue)</c> draws: a number in [0, int.MaxValue).</summary>
    public int NonNegative()
    {
        int candidate;
        do
        {
            candidate = NextInt();
        }
        while (candidate < 0 || candidate >= int.MaxValue);

        return candidate;
    }

    /// <summary>FsCheck's <c>Random.NextInt</c>: the next seed, mixed by <c>Mix32Variant04</c> (the high 32 bits, as an int).</summary>
    private int NextInt()
    {
        var z = _seed += GoldenGamma;
        z = (z ^ (z >> 33)) * 0x62A9D9ED799705F5UL;
        return unchecked((int)(((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3UL) >> 32));
    }
}
