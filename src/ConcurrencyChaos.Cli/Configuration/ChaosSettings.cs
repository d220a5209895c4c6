namespace ConcurrencyChaos.Cli.Configuration;

/// <summary>
/// The configuration the commands use, read and checked once before any command runs (see
/// <see cref="SettingsLoader"/>): defaults of <c>explore</c>'s options and the team's pattern assemblies.
/// Null means "not configured": the option's own default applies.
/// </summary>
internal sealed record ChaosSettings
{
    /// <summary>No configuration at all.</summary>
    public static ChaosSettings None { get; } = new();

    /// <summary>explore:trees.</summary>
    public int? Trees { get; init; }

    /// <summary>explore:maxNodes.</summary>
    public int? MaxNodes { get; init; }

    /// <summary>explore:seed.</summary>
    public int? Seed { get; init; }

    /// <summary>explore:time.</summary>
    public TimeSpan? Time { get; init; }

    /// <summary>explore:save.</summary>
    public string? Save { get; init; }

    /// <summary>assemblies: the team's pattern assemblies, loaded by every command that runs patterns, before any <c>--assembly</c>.</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = [];
}
