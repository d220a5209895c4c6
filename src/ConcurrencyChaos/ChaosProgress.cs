namespace ConcurrencyChaos;

/// <summary>How far a search has got, as <see cref="ChaosOptions.Progress"/> is told after every tree.</summary>
/// <param name="TreesRun">Trees run so far (not counting shrinking), as <see cref="ChaosResult.TreesRun"/> will say.</param>
/// <param name="NodesRun">Nodes those trees held, as <see cref="ChaosResult.NodesRun"/> will say.</param>
public readonly record struct ChaosProgress(int TreesRun, long NodesRun);
