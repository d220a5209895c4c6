using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConcurrencyChaos.Tests.XunitIntegration;

/// <summary>
/// Compiles a rendered replay test as a person pastes it: into a class of a test project with the SDK's implicit
/// usings and the usings the snippet's first line names, against every assembly this test run can load (the core,
/// xunit, the test assembly itself for method-group patterns).
/// </summary>
internal static class PastedTestCompiler
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path)),
    ]);

    /// <summary>The replay test in a rendered failure: from its "// using" line to the first line that is a lone <c>}</c>.</summary>
    public static string ReplayTestOf(string rendered)
    {
        var start = rendered.IndexOf("// using ConcurrencyChaos;", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no replay test in:\n{rendered}");
        var end = rendered.IndexOf("\n}\n", start, StringComparison.Ordinal);
        Assert.True(end > start, $"the replay test does not end in:\n{rendered}");
        return rendered[start..(end + 3)];
    }

    /// <summary>The class the snippet is pasted into: its first line's usings, then <paramref name="extraUsings"/>, then the snippet in a class.</summary>
    public static string Paste(string snippet, params string[] extraUsings)
    {
        var firstLine = snippet.Split('\n')[0];
        Assert.StartsWith("// using ", firstLine, StringComparison.Ordinal);
        var usings = firstLine["// ".Length..].Replace("; ", ";\n", StringComparison.Ordinal);
        return $"{usings}\n{string.Concat(extraUsings.Select(u => $"using {u};\n"))}\nnamespace Pasted;\n\npublic sealed class PastedTests\n{{\n{snippet}}}\n";
    }

    /// <summary>Compiles <paramref name="source"/>; fails the test with the compiler's errors and the source when it does not compile.</summary>
    public static Assembly Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Pasted" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(source)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(result.Success, $"The pasted test does not compile:\n{string.Join('\n', errors)}\n\n{source}");
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>Runs the pasted test method and returns what it threw (null when it passed).</summary>
    public static Exception? Run(Assembly pasted)
    {
        var type = pasted.GetType("Pasted.PastedTests")!;
        var method = Assert.Single(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        try
        {
            method.Invoke(Activator.CreateInstance(type), null);
            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }
}
