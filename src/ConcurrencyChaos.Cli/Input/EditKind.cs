namespace ConcurrencyChaos.Cli.Input;

/// <summary>How <see cref="ScenarioLoader"/> got past a problem of a scenario file.</summary>
internal enum EditKind
{
    /// <summary>Took the property or array item out.</summary>
    Remove,

    /// <summary>Put a valid stand-in where a required field was missing.</summary>
    Insert,

    /// <summary>Gave an unknown <c>expect</c> key a known pattern id, so its invariant ids are still read.</summary>
    Rename,
}
