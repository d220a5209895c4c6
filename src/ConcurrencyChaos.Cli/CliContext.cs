using ConcurrencyChaos.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace ConcurrencyChaos.Cli;

/// <summary>What every command gets: where to write, the checked configuration (chaos.json + CHAOS_ environment) and a logger.</summary>
/// <param name="Out">Results: scenario lines, counterexamples, matrices.</param>
/// <param name="Error">Errors, notes, progress and logs.</param>
/// <param name="Settings">Defaults for options and the configured pattern assemblies, overridden or extended by the command line.</param>
/// <param name="Logger">Diagnostics, to stderr.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is an interactive terminal (progress redraws one line).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, ChaosSettings Settings, ILogger Logger, bool ErrorIsTerminal);
