using System.Globalization;
using System.Text;
using System.Text.Json;
using ConcurrencyChaos.Cli.Commands;
using ConcurrencyChaos.Cli.Input;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Logging;

namespace ConcurrencyChaos.Cli.Configuration;

/// <summary>
/// Reads the configuration, <c>chaos.json</c> in the current folder and then <c>CHAOS_</c> environment variables
/// (<c>__</c> separating sections), and checks every value chaos uses before anything runs: a malformed file,
/// an unknown key of chaos.json, or a value that is not what its key needs is a <see cref="BadInputException"/>
/// naming the file or variable, the key and what it should be.
/// </summary>
internal static class SettingsLoader
{
    /// <summary>The configuration file in the current folder.</summary>
    public const string FileName = "chaos.json";

    /// <summary>The prefix of configuration environment variables.</summary>
    public const string EnvironmentPrefix = "CHAOS_";

    private static readonly string[] s_topLevelKeys = ["$schema", "explore", "assemblies", "Logging"];
    private static readonly string[] s_exploreKeys = ["trees", "time", "save", "maxNodes", "seed"];

    /// <summary>The whole configuration (for logging) and the checked settings.</summary>
    /// <exception cref="BadInputException">The file or a value is not usable.</exception>
    public static (IConfigurationRoot Configuration, ChaosSettings Settings) Load(string folder)
    {
        var builder = new ConfigurationBuilder();
        var file = Path.Combine(folder, FileName);
        if (FileSystemProbe.KindOf(file) != FileKind.Missing)
        {
            var text = BoundedFile.ReadText(file);
            CheckFile(text, file);
            builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
        {
            throw new BadInputException($"{file}: {e.InnerException?.Message ?? e.Message}");
        }

        return (configuration, Check(configuration, file));
    }

    /// <summary>chaos.json must be a JSON object of known sections; every unknown key is named (with the nearest known one).</summary>
    private static void CheckFile(string text, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var detail = e.Message.Split(" LineNumber:")[0].Trim();
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{file}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON: {detail}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadInputException($"{file}: must be a JSON object such as {{ \"explore\": {{ \"trees\": 5000 }} }}, got {root.ValueKind.ToString().ToUpperInvariant()}");
            }

            var problems = UnknownKeys(root, s_topLevelKeys, file, "$");
            if (root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "explore", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } explore)
            {
                if (explore.Value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{file}: $.explore: must be an object of option defaults ({string.Join(", ", s_exploreKeys)})");
                }
                else
                {
                    problems.AddRange(UnknownKeys(explore.Value, s_exploreKeys, file, "$.explore"));
                }
            }

            if (problems.Count > 0)
            {
                throw new BadInputException(string.Join("\nchaos: ", problems));
            }
        }
    }

    private static List<string> UnknownKeys(JsonElement obj, string[] known, string file, string path) =>
        [.. obj.EnumerateObject()
            .Where(p => !known.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => $"{file}: {path}.{p.Name}: unknown key (known: {string.Join(", ", known)}).{Suggestions.DidYouMean(p.Name, known)}")];

    private static ChaosSettings Check(IConfigurationRoot configuration, string file)
    {
        var problems = new List<string>();
        var settings = new ChaosSettings
        {
            Trees = WholeNumber(configuration, "explore:trees", 1, file, problems),
            MaxNodes = WholeNumber(configuration, "explore:maxNodes", 2, file, problems),
            Seed = WholeNumber(configuration, "explore:seed", int.MinValue, file, problems),
            Time = Duration(configuration, "explore:time", file, problems),
            Save = NonEmpty(configuration, "explore:save", file, problems),
            Assemblies = Assemblies(configuration, file, problems),
        };
        foreach (var level in configuration.GetSection("Logging:LogLevel").GetChildren())
        {
            if (level.Value is { } value && !(Enum.TryParse<LogLevel>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Any(char.IsAsciiDigit)))
            {
                problems.Add($"{Origin(configuration, level.Path, file)}: '{value}' is not a log level; write one of {string.Join(", ", Enum.GetNames<LogLevel>())}.{Suggestions.DidYouMean(value, Enum.GetNames<LogLevel>())}");
            }
        }

        return problems.Count == 0 ? settings : throw new BadInputException(string.Join("\nchaos: ", problems));
    }

    private static int? WholeNumber(IConfiguration configuration, string key, int min, string file, List<string> problems)
    {
        if (configuration[key] is not { } text)
        {
            return null;
        }

        if (OptionParsers.TryParseWholeNumber(text, min, out var value, out var problem))
        {
            return value;
        }

        problems.Add($"{Origin(configuration, key, file)}: {problem}");
        return null;
    }

    private static TimeSpan? Duration(IConfiguration configuration, string key, string file, List<string> problems)
    {
        if (configuration[key] is not { } text)
        {
            return null;
        }

        if (OptionParsers.TryParseDuration(text, out var value, out var problem))
        {
            return value;
        }

        problems.Add($"{Origin(configuration, key, file)}: {problem}");
        return null;
    }

    private static string? NonEmpty(IConfiguration configuration, string key, string file, List<string> problems)
    {
        var text = configuration[key];
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{Origin(configuration, key, file)}: must be a folder name, got an empty string");
            return null;
        }

        return text;
    }

    private static List<string> Assemblies(IConfiguration configuration, string file, List<string> problems)
    {
        var section = configuration.GetSection("assemblies");
        if (section.Value is { } single)
        {
            problems.Add($"{Origin(configuration, "assemblies", file)}: must be a list of assembly paths, e.g. \"assemblies\": [\"{single}\"] (or CHAOS_assemblies__0={single})");
            return [];
        }

        var paths = new List<string>();
        foreach (var item in section.GetChildren().OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
        {
            if (string.IsNullOrWhiteSpace(item.Value))
            {
                problems.Add($"{Origin(configuration, item.Path, file)}: must be the path of an assembly (.dll), got {(item.Value is null ? "an object or list" : "an empty string")}");
            }
            else
            {
                paths.Add(item.Value);
            }
        }

        return paths;
    }

    /// <summary>Where the key's value came from: "chaos.json: explore:trees" or "environment variable CHAOS_explore__trees".</summary>
    private static string Origin(IConfiguration configuration, string key, string file)
    {
        var fromEnvironment = configuration is IConfigurationRoot root
            && root.Providers.LastOrDefault(p => p.TryGet(key, out _)) is EnvironmentVariablesConfigurationProvider;
        return fromEnvironment
            ? $"environment variable {EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)}"
            : $"{file}: {key}";
    }
}
