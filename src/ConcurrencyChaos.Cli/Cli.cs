using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;
using ConcurrencyChaos.Cli.Commands;
using ConcurrencyChaos.Cli.Configuration;
using ConcurrencyChaos.Cli.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConcurrencyChaos.Cli;

/// <summary>The command tree and its invocation, independent of the host so tests can run it in-process.</summary>
internal static partial class Cli
{
    /// <summary>The command's name, as installed (<c>dotnet tool install</c>) and as its help and messages say it.</summary>
    public const string Name = "chaos";

    /// <summary>Every command. Adding one is a file under Commands/ and one line here.</summary>
    private static readonly Func<CliContext, Command>[] s_commands =
    [
        RunCommand.Create,
        ExploreCommand.Create,
        ReplayCommand.Create,
        PatternsCommand.Create,
        BenchCommand.Create,
        RewriteCommand.Create,
    ];

    /// <summary>Runs <c>chaos</c> with <paramref name="args"/>, no configuration, and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliContext(stdout, stderr, ChaosSettings.None, NullLogger.Instance, ErrorIsTerminal: false), cancellationToken);

    /// <summary>Runs <c>chaos</c> with <paramref name="args"/> in <paramref name="context"/> and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            var root = BuildRoot(context);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    await context.Error.WriteLineAsync($"{Name}: {error.Message}{Hint(error.Message, parsed)}").ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync($"Run '{Name} {CommandPath(parsed)}--help' for usage.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var invocation = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // the host owns Ctrl+C and SIGTERM
            };
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (BadInputException e)
        {
            await context.Error.WriteLineAsync($"{Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (ChaosException e)
        {
            // The pattern under test (the team's own) is not something a run can judge, e.g. it threw before returning a task.
            await context.Error.WriteLineAsync($"{Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"{Name}: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"{Name}: internal error ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
            await context.Error.WriteLineAsync($"This is a bug in {Name}; please report it with the command line above. Set CHAOS_Logging__LogLevel__Default=Debug for the stack trace.").ConfigureAwait(false);
            context.Logger.LogDebug(e, "Unhandled exception");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The root command, named <c>chaos</c> whatever the executable is called, with every registered subcommand.</summary>
    public static Command BuildRoot(CliContext context)
    {
        var root = new Command(Name, $"{Name}: property-based chaos testing for async fan-out code. Exit codes: 0 held, 1 violated, 2 bad input, 3 a bug in {Name}, 130/143 cancelled (SIGINT/SIGTERM).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var create in s_commands)
        {
            root.Subcommands.Add(create(context));
        }

        // No command: show help and succeed, like `dotnet` does.
        root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        return root;
    }

    /// <summary>" Did you mean 'explore'?" for an unrecognized token near a command or option of the command it was given to.</summary>
    private static string Hint(string message, ParseResult parsed)
    {
        var match = Unrecognized().Match(message);
        if (!match.Success)
        {
            return string.Empty;
        }

        var command = parsed.CommandResult.Command;
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
        return Suggestions.DidYouMean(match.Groups["token"].Value, names);
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names.Count == 0 ? string.Empty : string.Join(' ', names) + " ";
    }

    [GeneratedRegex("^Unrecognized command or argument '(?<token>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Unrecognized();
}
