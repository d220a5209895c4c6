namespace ConcurrencyChaos.Model;

/// <summary>no-crash: something the run did that would crash a real application's process.</summary>
/// <param name="NodeId">The node it is attributed to (the root when the runtime could not tell).</param>
/// <param name="Diagnostic">What the runtime saw (<see cref="DiagnosticKinds.WouldCrash"/>).</param>
public sealed record CrashFinding(string NodeId, RuntimeDiagnostic Diagnostic) : Finding(NodeId);
