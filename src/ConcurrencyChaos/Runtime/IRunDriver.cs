namespace ConcurrencyChaos.Runtime;

/// <summary>
/// What a <see cref="RunHost"/> runs: the first step, whether the run is over, and what follows every controlled step.
/// The runner is its own driver, so a run makes no delegates for them.
/// </summary>
internal interface IRunDriver
{
    /// <summary>The first step.</summary>
    void Start();

    /// <summary>Whether the run is over; asked only when nothing is ready.</summary>
    bool Finished();

    /// <summary>Runs after every controlled step (never in real time).</summary>
    void AfterStep();
}
