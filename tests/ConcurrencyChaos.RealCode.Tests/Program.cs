namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>
/// The test assembly's entry point: nothing under the test runner; <c>dotnet ConcurrencyChaos.RealCode.Tests.dll probe SEED</c>
/// prints <see cref="Probe.Run"/>, which <see cref="SameSeedAcrossProcessesTests"/> compares across processes. (What a
/// controlled run of rewritten code costs against hand-written code is a row of <c>chaos bench</c>.)
/// </summary>
public static class Program
{
    /// <summary>Runs the probe when asked to.</summary>
    /// <param name="args"><c>probe SEED</c>.</param>
    /// <returns>0.</returns>
    public static int Main(string[] args)
    {
        if (args is ["probe", var seed])
        {
            Console.Out.Write(Probe.Run(int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return 0;
    }
}
