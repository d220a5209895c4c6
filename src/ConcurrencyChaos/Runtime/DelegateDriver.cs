namespace ConcurrencyChaos.Runtime;

/// <summary>A <see cref="IRunDriver"/> of two delegates and nothing after a step: <see cref="RunHost.Run(Action, Func{bool})"/>'s.</summary>
internal sealed class DelegateDriver(Action start, Func<bool> finished) : IRunDriver
{
    public void Start() => start();

    public bool Finished() => finished();

    public void AfterStep()
    {
    }
}
