using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ConcurrencyChaos.Cli.Input;

/// <summary>
/// A JSON path as scenario errors write it (<c>$.tree.children[0].work</c>, <c>$['odd name']</c>), as a
/// list of steps (a property name or an array index), and the edits made through it.
/// </summary>
internal sealed record JsonPath(IReadOnlyList<object> Steps)
{
    /// <summary>Parses <paramref name="text"/>, or returns null when it is not such a path.</summary>
    public static JsonPath? TryParse(string text)
    {
        if (!text.StartsWith('$'))
        {
            return null;
        }

        var steps = new List<object>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] is not ('.' or '['))
                {
                    i++;
                }

                steps.Add(text[start..i]);
            }
            else if (text.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var name = new StringBuilder();
                for (i += 2; i < text.Length && !text.AsSpan(i).StartsWith("']", StringComparison.Ordinal); i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    name.Append(text[i]);
                }

                if (i >= text.Length)
                {
                    return null;
                }

                steps.Add(name.ToString());
                i += 2;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0 || !int.TryParse(text.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                steps.Add(index);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return new JsonPath(steps);
    }

    /// <summary>Whether this path is <paramref name="other"/> or leads to it.</summary>
    public bool IsPrefixOf(JsonPath other) =>
        Steps.Count <= other.Steps.Count && Steps.Select((s, i) => Equals(s, other.Steps[i])).All(same => same);

    /// <summary>
    /// This path (written in a document from which the item <paramref name="removed"/> was taken out) as
    /// it was before: indexes past the removed item of the same array move back up by one.
    /// </summary>
    public JsonPath BeforeRemovalOf(JsonPath removed)
    {
        if (removed.Steps is not [.., int at] || Steps.Count < removed.Steps.Count)
        {
            return this;
        }

        var depth = removed.Steps.Count - 1;
        for (var i = 0; i < depth; i++)
        {
            if (!Equals(Steps[i], removed.Steps[i]))
            {
                return this;
            }
        }

        if (Steps[depth] is not int index || index < at)
        {
            return this;
        }

        var steps = Steps.ToList();
        steps[depth] = index + 1;
        return new JsonPath(steps);
    }

    /// <summary>The node at this path in <paramref name="root"/>, or null.</summary>
    public JsonNode? Find(JsonNode? root)
    {
        var node = root;
        foreach (var step in Steps)
        {
            node = (step, node) switch
            {
                (string name, JsonObject obj) => obj.TryGetPropertyValue(name, out var child) ? child : null,
                (int index, JsonArray array) when index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Takes the property or item at this path out of <paramref name="root"/>; false when there is none (or the path is the root).</summary>
    public bool RemoveFrom(JsonNode root)
    {
        if (Steps.Count == 0 || new JsonPath([.. Steps.Take(Steps.Count - 1)]).Find(root) is not { } parent)
        {
            return false;
        }

        switch (Steps[^1], parent)
        {
            case (string name, JsonObject obj):
                return obj.Remove(name);
            case (int index, JsonArray array) when index < array.Count:
                array.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The path as scenario errors write it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("$");
        foreach (var step in Steps)
        {
            if (step is int index)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else if (step is string name && name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '$'))
            {
                text.Append('.').Append(name);
            }
            else
            {
                text.Append("['").Append(((string)step).Replace("\\", @"\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return text.ToString();
    }
}
