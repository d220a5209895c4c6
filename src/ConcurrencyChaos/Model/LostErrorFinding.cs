namespace ConcurrencyChaos.Model;

/// <summary>errors-observed: an injected error that was thrown and never reached the caller's <c>await</c>.</summary>
/// <param name="NodeId">The node that threw it.</param>
/// <param name="Error">The error.</param>
/// <param name="Threw">When it was thrown (the first time, when it was thrown more than once).</param>
/// <param name="AfterRootEnded">Whether it was thrown only after the caller's <c>await</c> had ended, too late to reach it.</param>
public sealed record LostErrorFinding(string NodeId, InjectedError Error, TraceEvent Threw, bool AfterRootEnded) : Finding(NodeId);
