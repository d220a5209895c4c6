using System.CommandLine;
using ConcurrencyChaos.Rewriting;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos rewrite PATH...</c>: rewrites assemblies in place so that, during a chaos run, their
/// <c>ConfigureAwait(false)</c>, <c>Task.Run</c>, timers, clocks and semaphore waits go through the deterministic
/// runtime (and, outside one, behave exactly as before). A folder has its default set rewritten: every assembly
/// but .NET's, <c>System.*</c>, <c>Microsoft.*</c>, the test frameworks' and the harness's. Idempotent. Exit 0
/// when done, 2 for a missing or unreadable path, a file that is not a .NET assembly, or one never rewritten.
/// </summary>
internal static class RewriteCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path") { Description = "Assemblies (.dll) or folders to rewrite in place.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("rewrite", "Rewrite assemblies so that real async code (ConfigureAwait(false), Task.Run, Polly, timers) runs under the deterministic runtime.") { paths };
        command.SetAction((parseResult, _) => Task.FromResult(Rewrite(context, parseResult.GetRequiredValue(paths))));
        return command;
    }

    private static int Rewrite(CliContext context, string[] paths)
    {
        IReadOnlyList<RewrittenAssembly> results;
        try
        {
            results = new AssemblyRewriter().Rewrite(paths);
        }
        catch (RewriteInputException e)
        {
            throw new BadInputException(e.Message);
        }

        foreach (var result in results)
        {
            context.Out.WriteLine(result.ToString());
        }

        return ExitCodes.Held;
    }
}
