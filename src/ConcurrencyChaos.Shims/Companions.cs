namespace ConcurrencyChaos.Shims;

/// <summary>
/// What the shims keep beside a BCL object made inside a run: the virtual timer standing in for a
/// <see cref="Timer"/> or a <c>CancelAfter</c>, the virtual stopwatch for a <see cref="System.Diagnostics.Stopwatch"/>.
/// Weak: an entry lives as long as its object.
/// </summary>
internal static class Companions
{
    private static readonly ConditionalWeakTable<object, object> Table = [];

    public static void Set(object owner, object companion) => Table.AddOrUpdate(owner, companion);

    public static T? Get<T>(object owner)
        where T : class => Table.TryGetValue(owner, out var companion) ? companion as T : null;
}
