using System.Globalization;
using System.Text;

namespace ConcurrencyChaos.Model;

/// <summary>
/// A tree as C# that builds it with the public model types (<c>using ConcurrencyChaos.Model;</c>), for tests a
/// person pastes into a suite, and for the trees' own <see cref="object.ToString"/>, which is what FsCheck and
/// test runners print.
/// </summary>
internal static class CSharpTree
{
    /// <summary><c>new TaskTree(new Group(...), CancelAfter: 5, Seed: 0)</c>, nested lines indented from <paramref name="indent"/>.</summary>
    public static string Render(TaskTree tree, string indent)
    {
        var text = new StringBuilder("new TaskTree(");
        Node(text, tree.Root, indent);
        if (tree.CancelAfter is { } c)
        {
            text.Append(CultureInfo.InvariantCulture, $", CancelAfter: {c}");
        }

        text.Append(CultureInfo.InvariantCulture, $", Seed: {tree.Seed})");
        return text.ToString();
    }

    /// <summary><c>new Leaf { ... }</c> or <c>new Group(...)</c>, nested lines indented from <paramref name="indent"/>.</summary>
    public static string Render(TreeNode node, string indent)
    {
        var text = new StringBuilder();
        Node(text, node, indent);
        return text.ToString();
    }

    private static void Node(StringBuilder text, TreeNode node, string indent)
    {
        if (node is Leaf leaf)
        {
            var fields = new List<string>();
            var plain = new Leaf();
            if (leaf.Work != plain.Work)
            {
                fields.Add(string.Create(CultureInfo.InvariantCulture, $"Work = {leaf.Work}"));
            }

            if (leaf.Then != plain.Then)
            {
                fields.Add($"Then = LeafEnd.{leaf.Then}");
            }

            if (leaf.Error != plain.Error)
            {
                fields.Add($"Error = ErrorKind.{leaf.Error}");
            }

            if (leaf.OnCancel != plain.OnCancel)
            {
                fields.Add($"OnCancel = CancelBehavior.{leaf.OnCancel}");
            }

            if (leaf.Cleanup != plain.Cleanup)
            {
                fields.Add(string.Create(CultureInfo.InvariantCulture, $"Cleanup = {leaf.Cleanup}"));
            }

            if (leaf.CleanupError != plain.CleanupError)
            {
                fields.Add($"CleanupError = ErrorKind.{leaf.CleanupError}");
            }

            if (leaf.OuterToken != plain.OuterToken)
            {
                fields.Add(string.Create(CultureInfo.InvariantCulture, $"OuterToken = {leaf.OuterToken}"));
            }

            if (leaf.Operation is { } operation)
            {
                fields.Add($"Operation = {Literal(operation)}");
            }

            text.Append(fields.Count == 0 ? "new Leaf()" : $"new Leaf {{ {string.Join(", ", fields)} }}");
            return;
        }

        var group = (Group)node;
        text.Append("new Group(");
        for (var i = 0; i < group.Children.Count; i++)
        {
            text.Append('\n').Append(indent).Append("    ");
            Node(text, group.Children[i], indent + "    ");
            if (i < group.Children.Count - 1)
            {
                text.Append(',');
            }
        }

        text.Append(')');
        if (group.Pattern is { } pattern)
        {
            text.Append(CultureInfo.InvariantCulture, $" {{ Pattern = {Literal(pattern)} }}");
        }
    }

    /// <summary>A C# string literal of <paramref name="value"/>.</summary>
    internal static string Literal(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
