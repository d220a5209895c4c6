namespace ConcurrencyChaos.Model;

/// <summary>How the caller's cancellation failed to propagate (<see cref="CancellationFinding"/>).</summary>
public enum CancellationLapse
{
    /// <summary>The root ended successfully after the caller cancelled, though some of its work had not ended before.</summary>
    RootSucceeded,

    /// <summary>The node started after the caller cancelled, with a token that was not cancelled.</summary>
    StartedWithLiveToken,

    /// <summary>The node was running when the caller cancelled and never saw its token cancelled.</summary>
    NeverCancelled,

    /// <summary>The node was running when the caller cancelled and saw its token cancelled only later.</summary>
    CancelledLate,
}
