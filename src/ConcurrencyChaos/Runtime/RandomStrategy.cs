namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Uniform random choice among the ready items, from a <see cref="SplitMix64"/> seeded by the tree: the
/// same-instant events are explored in every order across seeds, and one seed always gives one order.
/// </summary>
internal sealed class RandomStrategy(int seed) : ISchedulingStrategy
{
    private readonly List<WorkItem> _ready = new(4);
    private SplitMix64 _random = new(unchecked(((ulong)seed * 0x2545F4914F6CDD1DUL) + 1));

    public int Count => _ready.Count;

    public void Add(WorkItem item) => _ready.Add(item);

    /// <summary>
    /// Picks an index uniformly, then moves the last item into its place (O(1) removal). Both halves are
    /// part of what a seed means: changing either replays every recorded seed differently.
    /// </summary>
    public WorkItem Take()
    {
        var index = _random.Next(_ready.Count);
        var item = _ready[index];
        _ready[index] = _ready[^1];
        _ready.RemoveAt(_ready.Count - 1);
        return item;
    }
}
