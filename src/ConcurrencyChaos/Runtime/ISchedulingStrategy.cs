namespace ConcurrencyChaos.Runtime;

/// <summary>
/// The ready set of a <see cref="DeterministicRuntime"/> and the order it is drained in: every step
/// takes one item, and which one is the strategy's choice alone. This is the only place a run's
/// interleaving is decided, so a new way of exploring interleavings (PCT's priorities, a replay of a
/// recorded schedule) is one new class; <see cref="RandomStrategy"/> is the one to copy.
/// </summary>
/// <remarks>
/// A strategy must be a pure function of its seed and of the sequence of calls it receives: the same
/// tree and seed must give the same trace on every machine.
/// </remarks>
internal interface ISchedulingStrategy
{
    /// <summary>How many items are ready.</summary>
    int Count { get; }

    /// <summary>An item became ready: a posted continuation, a queued task, or a timer due now.</summary>
    void Add(WorkItem item);

    /// <summary>Removes and returns the item to run in this step. Called only when <see cref="Count"/> is positive.</summary>
    WorkItem Take();
}
