using ConcurrencyChaos.Rewriting;

// `dotnet ConcurrencyChaos.Rewriting.dll PATH...`: what the MSBuild targets run after a build (a console, so no
// MSBuild task has to load Mono.Cecil). Exit codes as `chaos rewrite`: 0 done, 2 bad input.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ConcurrencyChaos.Rewriting PATH... (assemblies or folders; rewritten in place)");
    return 2;
}

try
{
    foreach (var result in new AssemblyRewriter().Rewrite(args))
    {
        Console.Out.WriteLine($"chaos: {result}");
    }

    return 0;
}
catch (RewriteInputException e)
{
    Console.Error.WriteLine($"chaos: {e.Message}");
    return 2;
}
