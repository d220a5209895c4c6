using Mono.Cecil;

namespace ConcurrencyChaos.Rewriting;

/// <summary>
/// Every shim of ConcurrencyChaos.Shims, read from its <c>[Redirects]</c> attributes: which member of which type
/// each stands in for, keyed by <see cref="SignatureKey"/>. The shims assembly is the one source of the list.
/// </summary>
internal sealed class ShimMap
{
    private const string RedirectsAttribute = "ConcurrencyChaos.Shims.RedirectsAttribute";

    private readonly Dictionary<string, MethodDefinition> _shims = new(StringComparer.Ordinal);
    private readonly HashSet<(string Type, string Member)> _members = [];

    private ShimMap(ModuleDefinition module)
    {
        Module = module;
        foreach (var type in module.Types.Where(t => t.IsPublic))
        {
            foreach (var method in type.Methods)
            {
                if (method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == RedirectsAttribute) is not { } redirects)
                {
                    continue;
                }

                var target = (TypeReference)redirects.ConstructorArguments[0].Value;
                var member = (string)redirects.ConstructorArguments[1].Value;
                var typeName = target.GetElementType().FullName;
                var key = SignatureKey.OfShim(typeName, member, method, target.GenericParameters.Count);
                if (!_shims.TryAdd(key, method))
                {
                    throw new InvalidOperationException($"Two shims redirect {key}: {_shims[key].FullName} and {method.FullName}.");
                }

                _members.Add((typeName, member));
            }
        }

        MarkerConstructor = module.GetType("ConcurrencyChaos.Shims.ChaosRewrittenAttribute").Methods.Single(m => m.IsConstructor);
        Version = module.Assembly.Name.Version.ToString();
    }

    /// <summary>The shims module.</summary>
    public ModuleDefinition Module { get; }

    /// <summary>The constructor of the attribute that marks a rewritten assembly.</summary>
    public MethodDefinition MarkerConstructor { get; }

    /// <summary>The shims' version, written into the marker.</summary>
    public string Version { get; }

    /// <summary>How many members are redirected.</summary>
    public int Count => _shims.Count;

    /// <summary>Reads the shims assembly at <paramref name="path"/>.</summary>
    public static ShimMap Load(string path) =>
        new(ModuleDefinition.ReadModule(path, new ReaderParameters { ReadingMode = ReadingMode.Immediate, InMemory = true }));

    /// <summary>The shim for a call of <paramref name="called"/>, or null when it is not redirected.</summary>
    public MethodDefinition? Find(MethodReference called)
    {
        var typeName = called.DeclaringType.GetElementType().FullName;
        if (!_members.Contains((typeName, called.Name)))
        {
            return null;
        }

        foreach (var key in SignatureKey.OfCall(called, typeName))
        {
            if (_shims.TryGetValue(key, out var shim))
            {
                return shim;
            }
        }

        return null;
    }
}
