using System.Reflection;
using System.Text.RegularExpressions;
using ConcurrencyChaos.Judging;

namespace ConcurrencyChaos.Cli.Patterns;

/// <summary>
/// Finds the team's patterns and invariants: every static method marked <c>[ChaosPattern("id")]</c> and every
/// <see cref="ChaosInvariant"/> class (<see cref="ChaosInvariant.FromAssembly"/>) in the assemblies given with
/// <c>--assembly</c> (or <c>assemblies</c> in chaos.json), each loaded in its own <see cref="PatternLoadContext"/>.
/// Every problem of every assembly is collected and reported at once.
/// </summary>
internal static partial class PatternAssemblies
{
    private const string AttributeName = "ConcurrencyChaos.ChaosPatternAttribute";

    private const string Shapes =
        "a pattern is `static Task M(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)`, "
        + "or a factory `static Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> M(TimeProvider time)`";

    /// <summary>
    /// The patterns of <paramref name="paths"/>, in assembly then metadata order, and their invariants, in assembly
    /// then type name order.
    /// </summary>
    /// <exception cref="BadInputException">
    /// A file is missing or not a .NET assembly, cannot be loaded, holds neither a pattern nor an invariant, a
    /// <c>[ChaosPattern]</c> is misused, or an invariant is malformed or cannot be made; every such problem is listed.
    /// </exception>
    public static (IReadOnlyList<KnownPattern> Patterns, IReadOnlyList<ChaosInvariant> Invariants) Load(IEnumerable<string> paths)
    {
        var found = new List<KnownPattern>();
        var invariants = new List<ChaosInvariant>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given);
            if (seen.Add(path))
            {
                LoadOne(given, path, found, invariants, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException(string.Join("\nchaos: ", problems));
        }

        return (found, invariants);
    }

    private static void LoadOne(string given, string path, List<KnownPattern> found, List<ChaosInvariant> invariants, List<string> problems)
    {
        var kind = Input.FileSystemProbe.KindOf(path);
        if (kind != Input.FileKind.RegularFile)
        {
            problems.Add(kind == Input.FileKind.Missing
                ? $"--assembly {given}: no such file"
                : $"--assembly {given}: is {Input.FileSystemProbe.Describe(kind)}, not an assembly file");
            return;
        }

        Assembly assembly;
        Type[] types;
        try
        {
            assembly = new PatternLoadContext(path).LoadFromAssemblyPath(path);
            types = TypesOf(assembly, given);
        }
        catch (BadImageFormatException)
        {
            problems.Add($"--assembly {given}: is not a .NET assembly (give the .dll your project builds, e.g. bin/Release/net10.0/Team.dll)");
            return;
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            problems.Add($"--assembly {given}: cannot be loaded: {e.Message}");
            return;
        }

        var patternsBefore = found.Count;
        var problemsBefore = problems.Count;
        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == AttributeName) is { } attribute)
            {
                Add(method, attribute, given, found, problems);
            }
        }

        var invariantsBefore = invariants.Count;
        AddInvariants(assembly, given, invariants, problems);
        if (found.Count == patternsBefore && invariants.Count == invariantsBefore && problems.Count == problemsBefore)
        {
            problems.Add($"--assembly {given}: has no method marked [ChaosPattern(\"id\")] and no ChaosInvariant class");
        }
    }

    /// <summary>
    /// The assembly's <see cref="ChaosInvariant"/> classes, checked as a search will check them (with those of the
    /// assemblies before it), so that a malformed one is bad input named here and not a failure of the first run.
    /// </summary>
    private static void AddInvariants(Assembly assembly, string given, List<ChaosInvariant> invariants, List<string> problems)
    {
        IReadOnlyList<ChaosInvariant> own;
        try
        {
            own = ChaosInvariant.FromAssembly(assembly);
            InvariantCatalog.Validate([], [.. invariants, .. own], "--assembly");
        }
        catch (TargetInvocationException e)
        {
            problems.Add($"--assembly {given}: a ChaosInvariant's constructor threw: {e.InnerException?.Message ?? e.Message}");
            return;
        }
        catch (ArgumentException e)
        {
            problems.Add($"--assembly {given}: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}");
            return;
        }

        invariants.AddRange(own);
    }

    private static Type[] TypesOf(Assembly assembly, string given)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? "a type could not be loaded";
            throw new InvalidOperationException($"{first} (is every dependency beside {Path.GetFileName(given)}, as its .deps.json lists it?)", e);
        }
    }

    private static void Add(MethodInfo method, CustomAttributeData attribute, string given, List<KnownPattern> found, List<string> problems)
    {
        var name = $"{method.DeclaringType?.FullName}.{method.Name}";
        var where = $"--assembly {given}: [ChaosPattern] on {name}";
        var id = attribute.ConstructorArguments.FirstOrDefault().Value as string;
        var summary = attribute.NamedArguments.FirstOrDefault(a => a.MemberName == nameof(ChaosPatternAttribute.Summary)).TypedValue.Value as string;
        if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id))
        {
            problems.Add($"{where}: the id '{id}' must be kebab-case: lower-case letters and digits in words joined by single '-', e.g. \"fetch-all\" (it names the pattern in scenario files and saved counterexamples)");
            return;
        }

        if (IsCatalogId(id))
        {
            problems.Add($"{where}: the id '{id}' is a catalog pattern's id; choose another (catalog ids: {string.Join(", ", PatternSet.Catalog.All.Select(p => p.Id))})");
            return;
        }

        if (found.FirstOrDefault(p => p.Id == id) is { } twin)
        {
            problems.Add($"{where}: the id '{id}' is also used by {twin.Origin}; each id names one pattern");
            return;
        }

        if (!method.IsStatic || method.ContainsGenericParameters)
        {
            problems.Add($"{where}: must be {(method.IsStatic ? "non-generic" : "static")}: {Shapes}");
            return;
        }

        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        Func<TimeProvider, FanOutPattern> factory;
        if (method.ReturnType == typeof(Task) && parameters.SequenceEqual([typeof(IReadOnlyList<Func<CancellationToken, Task>>), typeof(CancellationToken)]))
        {
            var pattern = method.CreateDelegate<FanOutPattern>();
            factory = _ => pattern;
        }
        else if (method.ReturnType == typeof(FanOutPattern) && parameters.SequenceEqual([typeof(TimeProvider)]))
        {
            var make = method.CreateDelegate<Func<TimeProvider, FanOutPattern>>();
            factory = time => make(time) ?? throw new InvalidOperationException($"{name} returned null instead of a pattern");
        }
        else
        {
            problems.Add($"{where}: has the wrong signature `{Signature(method)}`: {Shapes}");
            return;
        }

        // Read as data, like [ChaosPattern]: the team's assembly may bind its own copy of the attribute's assembly.
        var bound = method.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == typeof(MaxConcurrencyAttribute).FullName)?.ConstructorArguments[0].Value as int?;
        if (bound is < 1)
        {
            problems.Add($"{where}: [MaxConcurrency({bound})] must be at least 1: how many children the pattern runs at once");
            return;
        }

        found.Add(new KnownPattern(id, summary ?? $"{name} ({Path.GetFileName(given)})", "yours", RunsControlled: true, factory, $"{name} in {given}", bound));
    }

    /// <summary>The method as C# writes it: <c>static Task NoTokenAsync(IReadOnlyList&lt;Func&lt;CancellationToken, Task&gt;&gt;)</c>.</summary>
    private static string Signature(MethodInfo method) =>
        $"{(method.IsStatic ? "static " : string.Empty)}{TypeName(method.ReturnType)} {method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static string TypeName(Type type) => type switch
    {
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>",
        _ when type == typeof(void) => "void",
        _ => type.Name,
    };

    private static bool IsCatalogId(string id) => ConcurrencyChaos.Patterns.PatternCatalog.TryGet(id, out _);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
