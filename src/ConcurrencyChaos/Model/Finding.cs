namespace ConcurrencyChaos.Model;

/// <summary>
/// What a <see cref="Violation"/> found, as data: the node it is about and, in each subtype, the trace
/// events that make the case. Reporters draw these and never judge again; each invariant has its own subtype.
/// </summary>
/// <param name="NodeId">The node the violation is about.</param>
public abstract record Finding(string NodeId);
