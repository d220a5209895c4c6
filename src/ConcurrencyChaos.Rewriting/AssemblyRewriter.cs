using System.Diagnostics;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ConcurrencyChaos.Rewriting;

/// <summary>
/// Rewrites assemblies in place so that their calls of the APIs that leave a thread or read the real clock go through
/// ConcurrencyChaos.Shims, which use the deterministic runtime during a chaos run and call the original APIs
/// otherwise. Idempotent (a rewritten assembly carries a marker and is left alone), keeps portable debug
/// information, and keeps a strong name's identity (the signature is not redone: .NET does not check it).
/// </summary>
public sealed class AssemblyRewriter
{
    private const string Marker = "ConcurrencyChaos.Shims.ChaosRewrittenAttribute";
    private const string ShimsFile = "ConcurrencyChaos.Shims.dll";

    private readonly ShimMap _shims;
    private readonly string _shimsPath;

    /// <summary>Creates a rewriter that redirects to the shims assembly at <paramref name="shimsPath"/> (by default, the one beside the rewriter).</summary>
    /// <param name="shimsPath">ConcurrencyChaos.Shims.dll.</param>
    public AssemblyRewriter(string? shimsPath = null)
    {
        _shimsPath = shimsPath ?? Path.Combine(AppContext.BaseDirectory, ShimsFile);
        _shims = ShimMap.Load(_shimsPath);
    }

    /// <summary>Gets how many BCL members are redirected to a shim.</summary>
    public int RedirectedMembers => _shims.Count;

    /// <summary>
    /// Rewrites every assembly <paramref name="paths"/> name: a .dll file is rewritten (unless it is .NET's or the
    /// harness's); a folder has its default set rewritten (every .dll but .NET's, <c>System.*</c>, <c>Microsoft.*</c>,
    /// the test frameworks' and the harness's). Every path is checked before anything is written. A folder that got
    /// a rewritten assembly also gets ConcurrencyChaos.Shims.dll if it lacks it.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <returns>What was done with each assembly.</returns>
    /// <exception cref="RewriteInputException">A path is missing, unreadable, not a .NET assembly, or must never be rewritten.</exception>
    public IReadOnlyList<RewrittenAssembly> Rewrite(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            files.AddRange(Select(path));
        }

        var results = files.Distinct(StringComparer.Ordinal).Select(RewriteFile).ToList();
        foreach (var folder in results.Where(r => r.Status == RewriteStatus.Rewritten).Select(r => Path.GetDirectoryName(r.Path)!).Distinct(StringComparer.Ordinal))
        {
            var target = Path.Combine(folder, ShimsFile);
            if (!File.Exists(target))
            {
                File.Copy(_shimsPath, target);
            }
        }

        return results;
    }

    private static IEnumerable<string> Select(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Directory.EnumerateFiles(full, "*.dll")
                .Where(file => AssemblySelection.ByDefault(Path.GetFileNameWithoutExtension(file)) && IsManaged(file))
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        if (!File.Exists(full))
        {
            throw new RewriteInputException($"{path}: no such file or folder.");
        }

        if (!IsManaged(full))
        {
            throw new RewriteInputException($"{path}: not a .NET assembly (or not readable).");
        }

        if (AssemblySelection.Refusal(Path.GetFileNameWithoutExtension(full), full) is { } why)
        {
            throw new RewriteInputException($"{path}: not rewritten: {why}.");
        }

        return [full];
    }

    private static bool IsManaged(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return false;
        }
    }

    private RewrittenAssembly RewriteFile(string path)
    {
        var clock = Stopwatch.StartNew();
        var (assembly, note) = Read(path);
        using (assembly)
        {
            if (assembly.CustomAttributes.Any(a => a.AttributeType.FullName == Marker))
            {
                return new(path, RewriteStatus.AlreadyRewritten, 0, clock.Elapsed);
            }

            var callSites = assembly.Modules.Sum(module => new ModuleRewriter(module, _shims).Rewrite());
            if (callSites == 0)
            {
                return new(path, RewriteStatus.NothingToRedirect, 0, clock.Elapsed, note);
            }

            var module = assembly.MainModule;
            var marker = new CustomAttribute(module.ImportReference(_shims.MarkerConstructor));
            marker.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, _shims.Version));
            assembly.CustomAttributes.Add(marker);

            // A strong name keeps its identity (references still bind) but is no longer a valid signature;
            // .NET does not verify signatures, so the module no longer claims to be signed.
            module.Attributes &= ~ModuleAttributes.StrongNameSigned;
            Write(assembly, path);
            return new(path, RewriteStatus.Rewritten, callSites, clock.Elapsed, note);
        }
    }

    /// <summary>Reads the assembly into memory (so it can be overwritten), with its debug information when it has any.</summary>
    private static (AssemblyDefinition Assembly, string? Note) Read(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        var pdb = Path.ChangeExtension(path, ".pdb");
        ReaderParameters Parameters(bool symbols) => new()
        {
            ReadingMode = ReadingMode.Immediate,
            InMemory = true,
            AssemblyResolver = resolver,
            ReadSymbols = symbols,
            SymbolReaderProvider = !symbols ? null : File.Exists(pdb) ? new PortablePdbReaderProvider() : new DefaultSymbolReaderProvider(throwIfNoSymbol: false),
            SymbolStream = symbols && File.Exists(pdb) ? new MemoryStream(File.ReadAllBytes(pdb)) : null,
        };

        try
        {
            return (AssemblyDefinition.ReadAssembly(path, Parameters(symbols: true)), null);
        }
        catch (Exception e) when (e is BadImageFormatException or SymbolsNotMatchingException or InvalidOperationException)
        {
            try
            {
                return (AssemblyDefinition.ReadAssembly(path, Parameters(symbols: false)), $"debug information not kept: {e.Message}");
            }
            catch (BadImageFormatException inner)
            {
                throw new RewriteInputException($"{path}: not a .NET assembly: {inner.Message}", inner);
            }
        }
    }

    /// <summary>Writes the assembly, and its portable PDB (beside it or embedded, as it was), over the original files.</summary>
    private static void Write(AssemblyDefinition assembly, string path)
    {
        var module = assembly.MainModule;
        var provider = module.HasSymbols ? module.SymbolReader.GetWriterProvider() : null;

        // Written under the same file name in a scratch folder (the PDB's recorded name is the assembly's), then moved over.
        var scratch = Directory.CreateTempSubdirectory("chaos-rewrite-");
        try
        {
            var image = Path.Combine(scratch.FullName, Path.GetFileName(path));
            assembly.Write(image, new WriterParameters
            {
                WriteSymbols = provider is not null,
                SymbolWriterProvider = provider,
                DeterministicMvid = true,
            });
            File.Copy(image, path, overwrite: true);
            var pdb = Path.ChangeExtension(image, ".pdb");
            if (provider is PortablePdbWriterProvider && File.Exists(pdb))
            {
                File.Copy(pdb, Path.ChangeExtension(path, ".pdb"), overwrite: true);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
