using ChaosCli = ConcurrencyChaos.Cli.Cli;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>Runs the chaos command in-process and captures its exit code and output.</summary>
internal static class CliHarness
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args) =>
        await RunAsync(CancellationToken.None, args);

    public static async Task<(int Code, string Out, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ChaosCli.RunAsync(args, stdout, stderr, cancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding ConcurrencyChaos.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConcurrencyChaos.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ConcurrencyChaos.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-cli-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, text);
        return file;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
