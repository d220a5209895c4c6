using System.Globalization;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>Shard <see cref="Index"/> (0-based) of <see cref="Count"/>: the search runs tree numbers i with i mod Count = Index.</summary>
/// <param name="Index">This shard, from 0.</param>
/// <param name="Count">How many shards share the search.</param>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole search: shard 0 of 1.</summary>
    public static Shard Whole { get; } = new(0, 1);

    /// <summary>As <c>--shard</c> takes it: <c>1/4</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
