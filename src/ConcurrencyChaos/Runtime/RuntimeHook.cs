using ConcurrencyChaos.Shims;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// A <see cref="DeterministicRuntime"/> run as the shims see it (<see cref="ControlledRun"/>): its scheduler,
/// context and virtual clock for the code it runs, its blocking-wait error, and the sensor that tells the
/// <see cref="EscapeDetector"/> when another thread starts or stops running the run's ExecutionContext.
/// </summary>
internal sealed class RuntimeHook(DeterministicRuntime runtime, EscapeDetector escapes) : ControlledRun
{
    /// <summary>The run's safety net, which <see cref="PoolWatch"/> tells of pool work the run queues.</summary>
    public EscapeDetector Escapes => escapes;

    public override TaskScheduler Scheduler => runtime.Scheduler;

    public override SynchronizationContext Context => runtime.Context;

    public override TimeProvider Clock => runtime.Clock;

    public override Exception BlockingCall(string api) => runtime.BlockingWait(api);

    protected override void ForeignThreadEntered() => escapes.ForeignThreadEntered();

    protected override void ForeignThreadLeft() => escapes.ForeignThreadLeft();
}
