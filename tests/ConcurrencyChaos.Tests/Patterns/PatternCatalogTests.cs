using System.Text.RegularExpressions;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class PatternCatalogTests
{
    private static readonly string[] s_expectedIds =
    [
        "when-all", "fire-and-forget", "when-any", "await-in-turn", "unlinked-token",
        "swallow-cancel", "parallel-foreach", "wait-async-timeout", "async-void", "task-group", "supervisor",
        "polly-timeout", "polly-retry", "channel-worker-pool", "when-each-break",
    ];

    private static string[] Ids => [.. PatternCatalog.All.Select(p => p.Id)];

    [Fact]
    public void Ids_are_in_the_documented_order()
    {
        Assert.Equal(s_expectedIds, Ids);
    }

    [Fact]
    public void Ids_are_unique_and_kebab_case()
    {
        Assert.Equal(Ids.Length, Ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Ids, id => Assert.Matches(new Regex("^[a-z]+(-[a-z]+)*$"), id));
    }

    [Fact]
    public void Every_entry_documents_summary_and_real_code()
    {
        Assert.All(PatternCatalog.All, pattern =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pattern.Summary), pattern.Id);
            Assert.DoesNotContain('\n', pattern.Summary);
            Assert.False(string.IsNullOrWhiteSpace(pattern.RealCode), pattern.Id);
            Assert.Contains('\n', pattern.RealCode);
            Assert.Equal(pattern.Id, pattern.ToString());
        });
    }

    [Fact]
    public void Only_supervisor_is_structured_among_ours()
    {
        Assert.Equal(["task-group", "supervisor"], PatternCatalog.All.Where(p => p.IsStructured).Select(p => p.Id));
    }

    [Fact]
    public void Get_and_TryGet_find_every_entry()
    {
        foreach (var pattern in PatternCatalog.All)
        {
            Assert.Same(pattern, PatternCatalog.Get(pattern.Id));
            Assert.True(PatternCatalog.TryGet(pattern.Id, out var found));
            Assert.Same(pattern, found);
        }
    }

    [Fact]
    public void TryGet_of_an_unknown_id_returns_false()
    {
        Assert.False(PatternCatalog.TryGet("when-some", out var found));
        Assert.Null(found);
        Assert.False(PatternCatalog.TryGet("When-All", out _));
    }

    [Fact]
    public void Get_of_an_unknown_id_names_it_and_lists_the_known_ids()
    {
        var error = Assert.Throws<ArgumentException>("id", () => PatternCatalog.Get("when-some"));
        Assert.Contains("'when-some'", error.Message, StringComparison.Ordinal);
        Assert.All(Ids, id => Assert.Contains(id, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("id", () => PatternCatalog.Get(null!));
        Assert.Throws<ArgumentNullException>("id", () => PatternCatalog.TryGet(null!, out _));
        Assert.Throws<ArgumentNullException>("time", () => PatternCatalog.All[0].Create(null!));
    }

    [Fact]
    public void Every_pattern_runs_an_empty_list_or_fails_as_the_real_code_does()
    {
        foreach (var pattern in PatternCatalog.All)
        {
            var task = pattern.Create(TimeProvider.System)([], CancellationToken.None);
            if (pattern.Id == "when-any")
            {
                // Task.WhenAny of nothing throws ArgumentException, as in the real code.
                Assert.IsType<ArgumentException>(task.Exception?.InnerException);
            }
            else if (pattern.Id != "parallel-foreach")
            {
                Assert.True(task.IsCompletedSuccessfully, pattern.Id);
            }
        }
    }
}

public sealed class PatternCatalogControlTests
{
    [Fact]
    public void Only_patterns_whose_code_leaves_the_runtime_are_marked_uncontrolled()
    {
        Assert.Equal(["when-each-break"], PatternCatalog.All.Where(p => !p.RunsControlled).Select(p => p.Id));
    }

    [Fact]
    public void An_uncontrolled_pattern_really_leaves_the_runtime_and_a_controlled_one_does_not()
    {
        var tree = new ConcurrencyChaos.Model.TaskTree(new ConcurrencyChaos.Model.Group(
            new ConcurrencyChaos.Model.Leaf { Work = 10, Then = ConcurrencyChaos.Model.LeafEnd.Fail },
            new ConcurrencyChaos.Model.Leaf { Work = 30 }));

        // When the first child ends, Task.WhenEach queues its enumerator's ConfigureAwait(false) continuation to the thread
        // pool, in every run; the runtime sees the item queued and waits for it, so one run shows the escape.
        Assert.Contains(Chaos.Run(tree, "when-each-break").Trace.Diagnostics, d => d.Kind == DiagnosticKind.ThreadPool);
        foreach (var pattern in PatternCatalog.All.Where(p => p.RunsControlled))
        {
            Assert.DoesNotContain(Chaos.Run(tree, pattern.Id).Trace.Diagnostics, d => d.Kind == DiagnosticKind.ThreadPool);
        }
    }
}
