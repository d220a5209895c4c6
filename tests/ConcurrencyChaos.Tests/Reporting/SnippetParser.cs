using System.Globalization;
using System.Text.RegularExpressions;
using ConcurrencyChaos.Model;
using Group = ConcurrencyChaos.Model.Group;

namespace ConcurrencyChaos.Tests.Reporting;

/// <summary>
/// Reads back the C# tree expression of a rendered xunit test (the subset CSharpTree writes: new TaskTree(...),
/// new Group(...) { Pattern = "..." }, new Leaf { Field = value, ... }), so a test can check the snippet builds the
/// same tree. Microsoft.CodeAnalysis.CSharp is not pinned in Directory.Packages.props, so this is a strict
/// recursive-descent reader that refuses anything else, rather than a compiler.
/// </summary>
internal sealed partial class SnippetParser(string text)
{
    private int _at;

    public static TaskTree ParseTree(string snippet)
    {
        var start = snippet.IndexOf("new TaskTree(", StringComparison.Ordinal);
        Assert.True(start >= 0, "no `new TaskTree(` in the snippet");
        var parser = new SnippetParser(snippet[start..]);
        var tree = parser.Tree();
        parser.Expect(";");
        return tree;
    }

    private TaskTree Tree()
    {
        Expect("new"); Expect("TaskTree"); Expect("(");
        var root = Group();
        int? cancelAfter = null;
        var seed = 0;
        while (TryExpect(","))
        {
            var name = Identifier();
            Expect(":");
            var value = Int();
            switch (name)
            {
                case "CancelAfter": cancelAfter = value; break;
                case "Seed": seed = value; break;
                default: throw new FormatException($"unknown TaskTree argument {name}");
            }
        }

        Expect(")");
        return new TaskTree(root, cancelAfter, seed);
    }

    private TreeNode Node() => Peek("new Group") ? Group() : Leaf();

    private Group Group()
    {
        Expect("new"); Expect("Group"); Expect("(");
        var children = new List<TreeNode>();
        if (!TryExpect(")"))
        {
            do
            {
                children.Add(Node());
            }
            while (TryExpect(","));
            Expect(")");
        }

        var group = new Group(children);
        if (TryExpect("{"))
        {
            Expect("Pattern"); Expect("=");
            group = group with { Pattern = String() };
            Expect("}");
        }

        return group;
    }

    private Leaf Leaf()
    {
        Expect("new"); Expect("Leaf");
        var leaf = new Leaf();
        if (TryExpect("("))
        {
            Expect(")");
            return leaf;
        }

        Expect("{");
        do
        {
            var field = Identifier();
            Expect("=");
            leaf = field switch
            {
                "Work" => leaf with { Work = Int() },
                "Cleanup" => leaf with { Cleanup = Int() },
                "OuterToken" => leaf with { OuterToken = Int() },
                "Then" => leaf with { Then = Enum<LeafEnd>("LeafEnd") },
                "Error" => leaf with { Error = Enum<ErrorKind>("ErrorKind") },
                "OnCancel" => leaf with { OnCancel = Enum<CancelBehavior>("CancelBehavior") },
                "CleanupError" => leaf with { CleanupError = Enum<ErrorKind>("ErrorKind") },
                _ => throw new FormatException($"unknown Leaf field {field}"),
            };
        }
        while (TryExpect(","));
        Expect("}");
        return leaf;
    }

    private T Enum<T>(string type) where T : struct, Enum
    {
        Expect(type); Expect(".");
        return System.Enum.Parse<T>(Identifier());
    }

    private int Int() => int.Parse(Match(IntToken()), CultureInfo.InvariantCulture);

    private string Identifier() => Match(IdentifierToken());

    private string String() => Match(StringToken())[1..^1];

    private string Match(Regex token)
    {
        SkipSpace();
        var m = token.Match(text, _at);
        if (!m.Success || m.Index != _at)
        {
            throw new FormatException($"expected {token} at {_at}: '{text[_at..Math.Min(text.Length, _at + 30)]}'");
        }

        _at += m.Length;
        return m.Value;
    }

    private bool Peek(string s)
    {
        SkipSpace();
        return string.CompareOrdinal(text, _at, s, 0, s.Length) == 0;
    }

    private bool TryExpect(string s)
    {
        if (!Peek(s))
        {
            return false;
        }

        _at += s.Length;
        return true;
    }

    private void Expect(string s)
    {
        if (!TryExpect(s))
        {
            throw new FormatException($"expected '{s}' at {_at}: '{text[_at..Math.Min(text.Length, _at + 30)]}'");
        }
    }

    private void SkipSpace()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }
    }

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex IntToken();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex IdentifierToken();

    [GeneratedRegex("\"[a-z0-9-]*\"")]
    private static partial Regex StringToken();
}
