using ConcurrencyChaos.Tests.Cli;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ConcurrencyChaos.Tests.Rewriting;

/// <summary><c>chaos rewrite</c>: in place, idempotent, refuses what must never be rewritten, exit 2 for bad input.</summary>
public sealed class RewriteCommandTests
{
    [Fact]
    public async Task It_redirects_Polly_to_the_shims_once_and_leaves_it_alone_the_second_time()
    {
        using var folder = new TempFolder();
        var polly = folder.File("Polly.Core.dll");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Polly.Core.dll"), polly);

        var first = await CliHarness.RunAsync("rewrite", polly);
        var second = await CliHarness.RunAsync("rewrite", folder.Path);

        Assert.Equal(0, first.Code);
        Assert.Matches(@"rewrote Polly\.Core\.dll: \d+ call sites", first.Out);
        Assert.Equal(0, second.Code);
        Assert.Contains("Polly.Core.dll: already rewritten, left alone", second.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("ConcurrencyChaos.Shims.dll")), "a rewritten assembly needs the shims beside it");
        using var rewritten = AssemblyDefinition.ReadAssembly(polly);
        Assert.Contains(rewritten.CustomAttributes, a => a.AttributeType.Name == "ChaosRewrittenAttribute");
        var calls = rewritten.MainModule.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions).Select(i => i.Operand).OfType<MethodReference>().ToList();
        Assert.DoesNotContain(calls, m => m.Name == "ConfigureAwait" && m.DeclaringType.Namespace == "System.Threading.Tasks");
        Assert.Contains(calls, m => m.Name == "ConfigureAwait" && m.DeclaringType.Name is "GenericTaskShims" or "TaskShims" or "ValueTaskShims");
    }

    [Fact]
    public async Task A_missing_path_a_file_that_is_not_dotnet_and_the_harness_itself_are_bad_input()
    {
        using var folder = new TempFolder();
        var text = folder.Write("notes.dll", "not an assembly");
        var harness = folder.File("ConcurrencyChaos.dll");
        File.Copy(typeof(Chaos).Assembly.Location, harness);

        var missing = await CliHarness.RunAsync("rewrite", folder.File("nope.dll"));
        var notDotnet = await CliHarness.RunAsync("rewrite", text);
        var ours = await CliHarness.RunAsync("rewrite", harness);

        Assert.Equal((2, "chaos: " + folder.File("nope.dll") + ": no such file or folder."), (missing.Code, missing.Error.Trim()));
        Assert.Equal(2, notDotnet.Code);
        Assert.Contains("not a .NET assembly", notDotnet.Error, StringComparison.Ordinal);
        Assert.Equal(2, ours.Code);
        Assert.Contains("part of the ConcurrencyChaos harness, which is never rewritten", ours.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_gets_its_default_set_and_the_portable_pdb_follows_the_assembly()
    {
        using var folder = new TempFolder();
        var own = typeof(RewriteCommandTests).Assembly.Location;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ConcurrencyChaos.Xunit.dll"), folder.File("ConcurrencyChaos.Xunit.dll"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Polly.Core.dll"), folder.File("Polly.Core.dll"));
        File.Copy(own, folder.File("Sample.dll"));
        File.Copy(Path.ChangeExtension(own, ".pdb"), folder.File("Sample.pdb"));

        var result = await CliHarness.RunAsync("rewrite", folder.Path);

        Assert.Equal(0, result.Code);
        Assert.DoesNotContain("ConcurrencyChaos.Xunit", result.Out, StringComparison.Ordinal); // the harness is never in a default set
        Assert.Contains("Polly.Core.dll", result.Out, StringComparison.Ordinal);
        using var sample = AssemblyDefinition.ReadAssembly(folder.File("Sample.dll"), new ReaderParameters { ReadSymbols = true, SymbolReaderProvider = new PortablePdbReaderProvider() });
        Assert.True(sample.MainModule.HasSymbols);
    }
}
