namespace ConcurrencyChaos.Tests.Cli;

/// <summary>One bad input from issue 16 that used to crash (exit 134/3) or hang, and what chaos must answer now.</summary>
/// <param name="Name">The case's name in test output.</param>
/// <param name="Args">The command line, relative to the case's own folder.</param>
/// <param name="Says">Text the output must hold: what was wrong and where.</param>
/// <param name="Setup">Makes the case's files in its folder.</param>
/// <param name="Environment">CHAOS_ variables to set.</param>
/// <param name="AsNobody">Run as the unprivileged user nobody (permission cases).</param>
/// <param name="Code">The exit code: 2, bad input, unless said.</param>
public sealed record BadInputCase(
    string Name,
    string[] Args,
    string Says,
    Action<string>? Setup = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    bool AsNobody = false,
    int Code = 2)
{
    public override string ToString() => Name;
}
