namespace ConcurrencyChaos.Runtime;

/// <summary>The budgets of one deterministic run, in the runtime's own terms; Execution derives them from its options and the tree.</summary>
/// <param name="MaxSteps">Steps after which a run that has not finished stops (<see cref="Model.RunStatus.StepBudgetExhausted"/>).</param>
/// <param name="MaxVirtualTime">Virtual time the clock never jumps past: a run whose next timer is later stops (<see cref="Model.RunStatus.TimeBudgetExhausted"/>).</param>
/// <param name="ForeignWorkGrace">Real time the idle runtime waits for work that escaped to other threads to come back.</param>
internal sealed record RuntimeLimits(int MaxSteps, TimeSpan MaxVirtualTime, TimeSpan ForeignWorkGrace);
