using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ConcurrencyChaos.Cli;

/// <summary>What every command gets: where to write, the configuration (chaos.json + CHAOS_ environment) and a logger.</summary>
/// <param name="Out">Results: scenario lines, counterexamples, matrices.</param>
/// <param name="Error">Errors, progress and logs.</param>
/// <param name="Configuration">Defaults for options, overridden by the command line.</param>
/// <param name="Logger">Diagnostics, to stderr.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is an interactive terminal (progress redraws one line).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IConfiguration Configuration, ILogger Logger, bool ErrorIsTerminal);
