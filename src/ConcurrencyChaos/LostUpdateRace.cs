using ConcurrencyChaos.Execution;

namespace ConcurrencyChaos;

/// <summary>
/// The lost-update race of issue 15, as a consumer would write it and state it with <see cref="Chaos.Assert"/>: under
/// a correct <see cref="TaskGroup"/>, every child, once its own work is done, reads a shared counter, yields, and
/// writes back what it read plus one; after the group the wrapper asserts the count. Two children that both read
/// before either writes lose an update; the minimal counterexample is a group of two leaves (3 nodes). For the
/// benchmark and the tests: how many trees a scheduling strategy needs to find it.
/// </summary>
internal static class LostUpdateRace
{
    /// <summary>The racy wrapper, as a pattern.</summary>
    public static ChaosPattern Pattern { get; } = ChaosPattern.Of(CountChildrenAsync, "lost-update");

    /// <summary>The search that looks for the race: only the assertion is judged, so nothing else can stop it first.</summary>
    public static ChaosOptions Options(SchedulingStrategy strategy, int seed, int maxTrees = 2000) => new()
    {
        Seed = seed,
        MaxTrees = maxTrees,
        Invariants = ["assertion"],
        Run = new RunOptions { Strategy = strategy },
    };

    /// <summary>How many trees the search with <paramref name="seed"/> ran until it found the race; null when it did not within <paramref name="maxTrees"/>.</summary>
    public static int? TreesToFind(SchedulingStrategy strategy, int seed, int maxTrees = 2000)
    {
        var result = Chaos.Check(Pattern, Options(strategy, seed, maxTrees));
        return result.Counterexample is null ? null : result.TreesRun;
    }

    private static async Task CountChildrenAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var counter = 0;
        await TaskGroup.RunAsync(
            group =>
            {
                foreach (var child in children)
                {
                    _ = group.Run(async token =>
                    {
                        await child(token);
                        var read = counter;
                        await Task.Yield();
                        counter = read + 1;
                    });
                }

                return Task.CompletedTask;
            },
            cancellationToken);
        Chaos.Assert(counter == children.Count, $"counter is {counter} after {children.Count} children");
    }
}
