using System.Reflection;
using System.Runtime.Loader;

namespace ConcurrencyChaos.Cli.Patterns;

/// <summary>
/// Where a team's assembly is loaded: its dependencies come from its own folder, as its <c>.deps.json</c>
/// says (<see cref="AssemblyDependencyResolver"/>), or, without one, from the <c>.dll</c> files beside it;
/// the framework and ConcurrencyChaos itself come from the host, so <c>[ChaosPattern]</c> and
/// <see cref="TimeProvider"/> are the very types chaos knows whatever copy the team built against.
/// </summary>
internal sealed class PatternLoadContext : AssemblyLoadContext
{
    private static readonly Assembly s_core = typeof(Chaos).Assembly;

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;

    public PatternLoadContext(string assemblyPath)
        : base($"chaos --assembly {Path.GetFileName(assemblyPath)}", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
        _folder = Path.GetDirectoryName(assemblyPath)!;
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, s_core.GetName().Name, StringComparison.Ordinal))
        {
            return s_core;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null && assemblyName.Name is { } name && File.Exists(Path.Combine(_folder, name + ".dll")) && !IsFramework(name))
        {
            path = Path.Combine(_folder, name + ".dll");
        }

        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    /// <summary>Whether the host's default context has an assembly of this name from the shared framework.</summary>
    private static bool IsFramework(string name) =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator)
            .Any(p => string.Equals(Path.GetFileNameWithoutExtension(p), name, StringComparison.OrdinalIgnoreCase)
                && p.Contains(Path.Combine("shared", "Microsoft."), StringComparison.Ordinal));
}
