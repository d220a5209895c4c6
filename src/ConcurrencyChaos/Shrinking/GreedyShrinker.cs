using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Shrinking;

/// <summary>
/// Shrinks a failing tree to a 1-minimal one: it takes the first single step (from the given shrinker,
/// <see cref="TreeShrinker.Shrink"/> behind the search's precondition) that still fails and starts again
/// from there, until no single step fails any more. Deterministic: the same failing tree always shrinks to the same result.
/// </summary>
internal static class GreedyShrinker
{
    /// <summary>The result: the minimal tree, how many steps were taken, how many candidates were run, whether it stopped for the budget.</summary>
    internal readonly record struct Result(TaskTree Tree, int Steps, int Runs, bool Exhausted);

    public static Result Shrink(TaskTree failing, Func<TaskTree, IEnumerable<TaskTree>> steps, Func<TaskTree, bool> stillFails, int maxRuns, CancellationToken cancellationToken = default)
    {
        var current = failing;
        int taken = 0, runs = 0;
        var improved = true;
        while (improved)
        {
            improved = false;
            foreach (var candidate in steps(current))
            {
                if (runs >= maxRuns || cancellationToken.IsCancellationRequested)
                {
                    return new Result(current, taken, runs, Exhausted: true);
                }

                runs++;
                if (stillFails(candidate))
                {
                    current = candidate;
                    taken++;
                    improved = true;
                    break;
                }
            }
        }

        return new Result(current, taken, runs, Exhausted: false);
    }
}
