namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// The test classes that start <c>chaos</c> processes and time them (within 5 s, within 1 s of a signal): they run
/// alone, after the parallel tests, so their timings measure chaos rather than the rest of the suite competing
/// for CI's two cores, and the suite's real-time tests do not compete with them either.
/// </summary>
[CollectionDefinition(CliProcess.Collection, DisableParallelization = true)]
public sealed class CliProcessCollection;
