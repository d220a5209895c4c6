using System.Diagnostics;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>
/// Determinism where it matters: three separate processes (fresh JIT, fresh thread pool, fresh statics) search every
/// fan-out with the same seed and must print the same verdicts and the same scenario JSON, byte for byte.
/// </summary>
public sealed class SameSeedAcrossProcessesTests
{
    [Fact]
    public void The_same_seed_gives_the_same_scenario_json_in_three_processes()
    {
        var outputs = Enumerable.Range(0, 3).Select(_ => Start(seed: 3)).ToList().Select(Finish).ToList();

        Assert.Contains("## configure-await-false-group\nheld on", outputs[0], StringComparison.Ordinal);
        Assert.Contains("\"found-when-each-break-seed-3\"", outputs[0], StringComparison.Ordinal);
        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[0], outputs[2]);
    }

    private static Process Start(int seed)
    {
        var self = typeof(Probe).Assembly.Location;
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!Path.GetFileNameWithoutExtension(info.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = "dotnet"; // under a test host the process is testhost, not the dotnet muxer
        }

        info.ArgumentList.Add(self);
        info.ArgumentList.Add("probe");
        info.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(info)!;
    }

    private static string Finish(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the probe did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, $"the probe exited with {process.ExitCode}: {error.GetAwaiter().GetResult()}");
            return output.GetAwaiter().GetResult();
        }
    }
}
