using System.Reflection;
using System.Runtime.Loader;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// A load context for one rewritten copy of an assembly the default context has loaded as compiled: it loads the copy
/// (<see cref="AssemblyLoadContext.LoadFromAssemblyPath"/>) and nothing else, so every assembly the copy references,
/// ConcurrencyChaos.Shims above all, is the default context's, the one the runtime hooks into.
/// </summary>
internal sealed class SharedShimsLoadContext() : AssemblyLoadContext("chaos-bench-rewritten", isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
