using System.Globalization;
using System.Text;
using System.Diagnostics;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// Runs the built <c>chaos</c> tool as a real process (<c>dotnet ConcurrencyChaos.Cli.dll ...</c>, not <c>dotnet run</c>),
/// in a folder, with CHAOS_ variables only as given, optionally as the unprivileged user <c>nobody</c>, and kills it
/// if it runs past a hard limit so a hang fails the test instead of stalling the run.
/// </summary>
internal static class CliProcess
{
    /// <summary>The xunit collection of the test classes that start chaos processes: one at a time, so their timings do not compete.</summary>
    public const string Collection = "chaos processes";

    /// <summary>Past this a run is killed: far above the 5 s every bad input must take.</summary>
    private static readonly TimeSpan s_hardLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The tool as its own project built it. Not the copy next to the tests: while coverage is collected that one is
    /// instrumented, which makes each start slower, and its hit files, written at exit, abort a process run as nobody.
    /// </summary>
    public static string UninstrumentedDll => Path.Combine(
        CliHarness.RepoRoot(), "src", "ConcurrencyChaos.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name, "ConcurrencyChaos.Cli.dll");

    /// <summary>Whether runs can be made as <c>nobody</c> (running as root with setpriv on the machine).</summary>
    public static bool CanRunAsNobody =>
        OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/setpriv");

    /// <summary>A test team library's assembly, as built for this configuration (e.g. ConcurrencyChaos.TeamPatterns).</summary>
    public static string TeamAssembly(string project)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(CliHarness.RepoRoot(), "tests", project, "bin", configuration, tfm, project + ".dll");
    }

    public static ProcessStartInfo StartInfo(string folder, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool asNobody = false)
    {
        var start = new ProcessStartInfo(asNobody ? "/usr/bin/setpriv" : "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(UninstrumentedDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("CHAOS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs to the end (or the hard limit) and returns the exit code, both outputs and the time from start to exit.
    /// <paramref name="whileRunning"/> is given the process and a way to wait for text on its stderr.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, Func<Process, Func<string, Task>, Task>? whileRunning = null)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(s_hardLimit);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process, async text =>
                {
                    while (!Read(error).Contains(text, StringComparison.Ordinal))
                    {
                        await Task.Delay(20, limit.Token);
                    }
                });
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, Read(output), Read(error) + $"\n[killed after {s_hardLimit.TotalSeconds} s: it hung]", clock.Elapsed);
        }

        var elapsed = clock.Elapsed;
        process.WaitForExit(); // drains the output events
        return new ProcessResult(process.ExitCode, Read(output), Read(error), elapsed);
    }

    /// <summary>Sends <paramref name="signal"/> (INT, TERM) to the process, as Ctrl+C or a CI runner would.</summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
