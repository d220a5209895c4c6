namespace ConcurrencyChaos.Model;

/// <summary>How an orphan (<see cref="OrphanFinding"/>) outlived its group.</summary>
public enum OrphanKind
{
    /// <summary>It started only after its group had ended.</summary>
    StartedAfterGroupEnded,

    /// <summary>It was running when its group ended, and never ended.</summary>
    NeverEnded,

    /// <summary>It was running when its group ended, and ended later.</summary>
    EndedAfterGroup,
}
