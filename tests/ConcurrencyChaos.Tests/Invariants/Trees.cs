using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>Short names for hand-built trees.</summary>
internal static class Trees
{
    public static Leaf Succeeds(int work) => new() { Work = work };

    public static Leaf Fails(int work, ErrorKind error = ErrorKind.IOException) => new() { Work = work, Then = LeafEnd.Fail, Error = error };

    public static Leaf ThrowsSync(ErrorKind error = ErrorKind.IOException) => new() { Then = LeafEnd.ThrowSync, Error = error };

    public static Leaf Hangs(int cleanup = 0, CancelBehavior onCancel = CancelBehavior.Throw) =>
        new() { Then = LeafEnd.Hang, Cleanup = cleanup, OnCancel = onCancel };

    public static TaskTree Tree(params TreeNode[] children) => new(new Group(children));

    public static TaskTree Tree(int? cancelAfter, params TreeNode[] children) => new(new Group(children), cancelAfter);
}
