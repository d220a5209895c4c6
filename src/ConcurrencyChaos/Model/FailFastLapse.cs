namespace ConcurrencyChaos.Model;

/// <summary>How a sibling escaped fail-fast (<see cref="FailFastFinding"/>).</summary>
public enum FailFastLapse
{
    /// <summary>It started after its sibling had failed.</summary>
    StartedAfterFault,

    /// <summary>It was running when its sibling failed and never saw its token cancelled.</summary>
    NeverCancelled,

    /// <summary>It was running when its sibling failed and saw its token cancelled only later.</summary>
    CancelledLate,
}
