using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ConcurrencyChaos.Cli.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConcurrencyChaos.Cli;

/// <summary>The command tree and its invocation, independent of the host so tests can run it in-process.</summary>
internal static class Cli
{
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

    /// <summary>Runs <c>chaos</c> with <paramref name="args"/> and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliContext(stdout, stderr, new ConfigurationBuilder().Build(), NullLogger.Instance, ErrorIsTerminal: false), cancellationToken);

    /// <summary>Runs <c>chaos</c> with <paramref name="args"/> in <paramref name="context"/> and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // the host owns Ctrl+C and SIGTERM
        };

        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync($"chaos: {error.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"Run 'chaos {CommandPath(parsed)}--help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (BadInputException e)
        {
            await context.Error.WriteLineAsync($"chaos: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"chaos: internal error ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
            await context.Error.WriteLineAsync("This is a bug in chaos; please report it with the command line above. Set CHAOS_Logging__LogLevel__Default=Debug for the stack trace.").ConfigureAwait(false);
            Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(context.Logger, e, "Unhandled exception");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The root command with every registered subcommand.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("chaos: property-based chaos testing for async fan-out code. Exit codes: 0 held, 1 violated, 2 bad input.");
        foreach (var create in s_commands)
        {
            root.Subcommands.Add(create(context));
        }

        // No command: show help and succeed, like `dotnet` does.
        root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        return root;
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
}
