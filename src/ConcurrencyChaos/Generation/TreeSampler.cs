using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Generation;

/// <summary>
/// Draws one tree from a seed and a size: hand-rolled over <see cref="TreeRandom"/>, because generating trees
/// through FsCheck's combinators cost more than running them. The distribution:
/// <list type="bullet">
/// <item><description><b>Size.</b> The node budget grows with the size, from 2 at size 0 to the shape's most nodes at size
/// 100; a tree's node count is drawn on a log scale below it (three trees in four), so small trees stay common, or
/// evenly (one in four), so large ones turn up.</description></item>
/// <item><description><b>Shape.</b> Without nesting, the root holds every leaf, as wide as the budget and the most
/// children allow; with it, each group takes 1 to the most children, and the spare budget makes some of them
/// groups, down to the deepest nesting.</description></item>
/// <item><description><b>Delays</b> (work, cleanup, the caller's cancel time) are spread on a log scale from 0 to the
/// longest delay (minutes of virtual time by default, so timeouts of seconds fire), either from a palette of four
/// values the tree shares (0 among them) — same-instant events are what find ordering bugs — or each on its own.</description></item>
/// <item><description><b>The caller</b> cancels (in half of the trees) in the instant some leaf's work ends or a
/// palette instant (two in three), or anywhere on the scale.</description></item>
/// <item><description><b>Leaves</b> succeed (5), fail (4), hang (2) or throw synchronously (1), as the tree's
/// <see cref="TreeFeatures"/> allow; misbehave on cancellation (swallow, fail, ignore: 2 each against 6 for
/// throw); throw one of the plain error types or, in trees with cancellation errors, half the time an
/// OperationCanceledException or TaskCanceledException of their own; and, in trees with outer tokens, one leaf in
/// three waits on a token 1 to its depth groups out.</description></item>
/// </list>
/// </summary>
internal sealed class TreeSampler
{
    private static readonly ErrorKind[] PlainErrors =
        [ErrorKind.InvalidOperationException, ErrorKind.IOException, ErrorKind.TimeoutException, ErrorKind.ArgumentException, ErrorKind.HttpRequestException];

    private static readonly ErrorKind[] CancellationErrors = [ErrorKind.OperationCanceledException, ErrorKind.TaskCanceledException];

    private readonly TreeShape _shape;
    private readonly TreeFeatures _features;
    private readonly int[] _palette;
    private List<int>? _workEnds; // only trees whose caller cancels pick among them
    private TreeRandom _random;

    private TreeSampler(ulong seed, TreeShape shape)
    {
        _shape = shape;
        _random = new TreeRandom(seed);
        _features = Features(ref _random);
        _palette = [0, _random.LogUniform(shape.MaxDelay), _random.LogUniform(shape.MaxDelay), _random.LogUniform(shape.MaxDelay)];
    }

    /// <summary>The tree of <paramref name="seed"/> at <paramref name="size"/> (0 to 100; larger counts as 100).</summary>
    public static TaskTree Sample(ulong seed, int size, TreeShape shape) => new TreeSampler(seed, shape).Tree(size);

    /// <summary>The node budget at <paramref name="size"/>: 2 at size 0, the most nodes from size 100.</summary>
    public static int Budget(int size, int maxNodes) => 2 + (int)((long)(maxNodes - 2) * Math.Clamp(size, 0, 100) / 100);

    private static TreeFeatures Features(ref TreeRandom random)
    {
        var flags = random.Below(1 << 12);
        bool Flag(int bit) => (flags & (1 << bit)) != 0;
        return new TreeFeatures(
            Faults: Flag(0) || Flag(1), // faults are the common case: on in three trees of four
            Hangs: Flag(2),
            SyncThrows: Flag(3) && Flag(4),
            Misbehaviour: Flag(4),
            Cleanup: Flag(5),
            Nesting: Flag(6),
            CallerCancels: Flag(7),
            SharedDelays: Flag(0) || Flag(5),
            CancellationErrors: Flag(8) && Flag(9),
            OuterTokens: Flag(10) && Flag(11));
    }

    private TaskTree Tree(int size)
    {
        var budget = Budget(size, _shape.MaxNodes);
        var nodes = _random.Chance(1, 4) ? _random.Between(2, budget) : 1 + (int)Math.Pow(budget, _random.Unit());
        var root = Group(nodes, _shape.MaxDepth, depth: 0);
        var cancelAfter = CancelAfter();
        return new TaskTree(root, cancelAfter, _random.Below(int.MaxValue));
    }

    /// <summary>A group of at most <paramref name="budget"/> nodes, itself included (at least 2), nested at most <paramref name="levels"/> deep.</summary>
    private Group Group(int budget, int levels, int depth)
    {
        var room = Math.Min(budget - 1, _shape.MaxChildren);
        var nests = _features.Nesting && levels > 1;
        var count = nests ? _random.Between(1, room) : room;
        var spare = nests ? budget - 1 - count : 0;
        var extra = spare > 0 ? Split(spare, count) : null;
        var children = new TreeNode[count];
        for (var i = 0; i < count; i++)
        {
            children[i] = extra is not null && extra[i] > 0 ? Group(1 + extra[i], levels - 1, depth + 1) : Leaf(depth + 1);
        }

        return Model.Group.Owning(children);
    }

    /// <summary>Shares <paramref name="spare"/> nodes among 1 to all of <paramref name="count"/> children (each chosen one gets at least one).</summary>
    private int[] Split(int spare, int count)
    {
        var extra = new int[count];
        var groups = _random.Between(1, Math.Min(count, spare));
        var chosen = new int[groups];
        for (var g = 0; g < groups; g++)
        {
            // Distinct children: draw among those not chosen yet (a partial shuffle done by rejection; groups <= count).
            int pick;
            do
            {
                pick = _random.Below(count);
            }
            while (extra[pick] > 0);

            extra[pick] = 1;
            chosen[g] = pick;
        }

        for (var rest = spare - groups; rest > 0; rest--)
        {
            extra[chosen[_random.Below(groups)]]++;
        }

        return extra;
    }

    private Leaf Leaf(int depth)
    {
        var f = _features;
        var then = (LeafEnd)_random.Weighted([5, f.Faults ? 4 : 0, f.Hangs ? 2 : 0, f.SyncThrows ? 1 : 0]);
        var onCancel = (CancelBehavior)_random.Weighted([6, f.Misbehaviour ? 2 : 0, f.Misbehaviour ? 2 : 0, f.Misbehaviour ? 2 : 0]);
        var work = then == LeafEnd.Hang ? 0 : Delay();
        if (f.CallerCancels && then is LeafEnd.Succeed or LeafEnd.Fail)
        {
            (_workEnds ??= []).Add(work);
        }

        return new Leaf
        {
            Work = work,
            Then = then,
            Error = Error(),

            // A hanging leaf that ignores its token could never end: it throws instead.
            OnCancel = then == LeafEnd.Hang && onCancel == CancelBehavior.Ignore ? CancelBehavior.Throw : onCancel,
            Cleanup = f.Cleanup ? Delay() : 0,
            CleanupError = Error(),
            OuterToken = f.OuterTokens && then != LeafEnd.ThrowSync && _random.Chance(1, 3) ? _random.Between(1, depth) : 0,
        };
    }

    private ErrorKind Error() =>
        _features.CancellationErrors && _random.Chance(1, 2)
            ? CancellationErrors[_random.Below(CancellationErrors.Length)]
            : PlainErrors[_random.Below(PlainErrors.Length)];

    private int Delay() =>
        _features.SharedDelays ? _palette[_random.Below(_palette.Length)] : Anywhere();

    /// <summary>A delay on its own: 0 one time in six, else anywhere on the log scale.</summary>
    private int Anywhere() => _random.Chance(1, 6) ? 0 : _random.LogUniform(_shape.MaxDelay);

    /// <summary>Caller cancellation, when the tree has it: in the instant a leaf's work ends (a fault, often) or a palette instant, or anywhere.</summary>
    private int? CancelAfter()
    {
        if (!_features.CallerCancels)
        {
            return null;
        }

        var workEnds = _workEnds?.Count ?? 0;
        var instants = workEnds + (_features.SharedDelays ? _palette.Length : 0);
        if (instants == 0 || _random.Chance(1, 3))
        {
            return Anywhere();
        }

        var pick = _random.Below(instants);
        return pick < workEnds ? _workEnds![pick] : _palette[pick - workEnds];
    }
}
