using System.Runtime.Versioning;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// Starts every <see cref="BadInputCases"/> process when the test class is made, two at a time (CI has two
/// cores; each start costs most of a core for half a second), each in its own folder, so the theory's rows
/// only wait for their own result.
/// </summary>
[UnsupportedOSPlatform("windows")] // FIFOs, /dev/zero, file modes, signals
public sealed class BadInputRuns : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chaos-bad-input-").FullName;
    private readonly SemaphoreSlim _slots = new(2);
    private readonly Dictionary<string, Task<ProcessResult>> _runs;

    public BadInputRuns()
    {
        // The folders are made first and in order: a FIFO or a chmod 000 must exist before any process looks.
        var folders = BadInputCases.All.Values.ToDictionary(c => c.Name, Prepare);
        _runs = BadInputCases.All.Values.ToDictionary(c => c.Name, c => RunAsync(c, folders[c.Name]));
    }

    public Task<ProcessResult> ResultAsync(string name) => _runs[name];

    public void Dispose()
    {
        Task.WaitAll([.. _runs.Values]);
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                File.SetUnixFileMode(sub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(_root, recursive: true);
        _slots.Dispose();
    }

    private string Prepare(BadInputCase badInput)
    {
        var folder = Path.Combine(_root, badInput.Name);
        Directory.CreateDirectory(folder);
        badInput.Setup?.Invoke(folder);
        if (badInput.AsNobody)
        {
            // nobody must reach the case's folder (but not what the case locked).
            File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        return folder;
    }

    private async Task<ProcessResult> RunAsync(BadInputCase badInput, string folder)
    {
        await _slots.WaitAsync();
        try
        {
            return await CliProcess.RunAsync(CliProcess.StartInfo(folder, badInput.Args, badInput.Environment, badInput.AsNobody));
        }
        finally
        {
            _slots.Release();
        }
    }
}
