using ConcurrencyChaos.Cli.Patterns;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>The searched cells of <c>chaos patterns</c>: a cell missing from <paramref name="Cells"/> was never searched.</summary>
/// <param name="Patterns">The rows.</param>
/// <param name="Cells">Each searched cell's result, by pattern id and invariant id.</param>
/// <param name="Trees">Trees per cell.</param>
/// <param name="Seed">The seed of every cell.</param>
/// <param name="Cancelled">Whether the command was cancelled before every cell was searched.</param>
internal sealed record Matrix(PatternSet Patterns, IReadOnlyDictionary<(string Pattern, string Invariant), ChaosResult> Cells, int Trees, int Seed, bool Cancelled);
