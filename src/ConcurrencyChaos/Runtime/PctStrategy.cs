namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Probabilistic concurrency testing (PCT: Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS 2010; Coyote's
/// prioritization strategy): every logical task gets a random priority when it first becomes ready, and each step
/// runs the ready item of the task with the highest priority — so one task runs on as far as it can, as a thread
/// would on a real machine — except at d−1 change points, chosen uniformly among the first k scheduling decisions,
/// where the task about to run is lowered below every other. A bug that needs d ordering constraints is then found
/// with probability at least 1/(n·k^(d−1)) for n tasks, however unlikely its interleaving is under uniform choice.
/// </summary>
/// <remarks>
/// <para>
/// A logical task is what a ready item resumes: the async method whose continuation was posted (its state machine,
/// the target of the posted delegate), the queued <see cref="System.Threading.Tasks.Task"/>, or the owner of a due
/// timer (its state, e.g. a leaf). A scheduling decision is a step with ready items of two tasks or more; steps with
/// one are not choices and do not count towards k. Items of one task run oldest first.
/// </para>
/// <para>
/// A pure function of the seed, the depth, the estimate and the calls it gets, like every strategy: task identities
/// are looked up by reference and never ordered by address, so one tree replays one trace on every machine.
/// </para>
/// </remarks>
internal sealed class PctStrategy : ISchedulingStrategy
{
    private readonly List<(WorkItem Item, object Task)> _ready = [];
    private readonly Dictionary<object, long> _priorities = new(ReferenceEqualityComparer.Instance);
    private readonly long[] _changePoints;
    private SplitMix64 _random;
    private int _nextChange;
    private long _decisions;
    private long _lowered;

    /// <param name="seed">The tree's seed.</param>
    /// <param name="depth">d: the bug depth to aim at; d−1 change points (at least 1).</param>
    /// <param name="estimatedDecisions">k: how many scheduling decisions a run is expected to take (at least 1).</param>
    public PctStrategy(int seed, int depth, int estimatedDecisions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(estimatedDecisions, 1);

        // Its own stream of the seed (not RandomStrategy's), so the two strategies are not correlated on one tree.
        _random = new SplitMix64(unchecked(((ulong)seed * 0xD1B54A32D192ED03UL) + 0x50435450UL));
        _changePoints = ChangePoints(ref _random, Math.Min(depth - 1, estimatedDecisions), estimatedDecisions);
    }

    public int Count => _ready.Count;

    /// <summary>The decisions at which a priority changes, ascending (for tests).</summary>
    internal IReadOnlyList<long> ChangePointsForTesting => _changePoints;

    public void Add(WorkItem item)
    {
        var task = TaskOf(item);
        if (!_priorities.ContainsKey(task))
        {
            // A random rank among the tasks so far: the same as PCT's random permutation of initial priorities.
            _priorities[task] = (long)(_random.NextUInt64() >> 2);
        }

        _ready.Add((item, task));
    }

    public WorkItem Take()
    {
        var best = Highest();
        if (IsDecision())
        {
            if (_nextChange < _changePoints.Length && _changePoints[_nextChange] == _decisions)
            {
                // A change point: the task about to run drops below every other (and below every earlier drop).
                _priorities[_ready[best].Task] = --_lowered;
                _nextChange++;
                best = Highest();
            }

            _decisions++;
        }

        var item = _ready[best].Item;
        _ready.RemoveAt(best);
        return item;
    }

    /// <summary>The logical task a ready item belongs to.</summary>
    internal static object TaskOf(WorkItem item) =>
        item.Timer is { } timer ? timer.State ?? timer
        : item.Task is { } task ? task
        : item.State is Delegate resume ? resume.Target ?? resume
        : item.State ?? item.Callback!;

    /// <summary>The position of the oldest ready item of the highest-priority task.</summary>
    private int Highest()
    {
        var best = 0;
        for (var i = 1; i < _ready.Count; i++)
        {
            if (_priorities[_ready[i].Task] > _priorities[_ready[best].Task])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Whether items of at least two tasks are ready: only then is there a choice.</summary>
    private bool IsDecision()
    {
        for (var i = 1; i < _ready.Count; i++)
        {
            if (!ReferenceEquals(_ready[i].Task, _ready[0].Task))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="count"/> distinct numbers drawn uniformly from [0, <paramref name="range"/>), ascending (Floyd's sampling).</summary>
    private static long[] ChangePoints(ref SplitMix64 random, int count, int range)
    {
        var chosen = new SortedSet<long>();
        for (var j = range - count; j < range; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        return [.. chosen];
    }
}
