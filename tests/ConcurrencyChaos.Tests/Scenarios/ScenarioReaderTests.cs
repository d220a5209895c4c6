using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;
using static ConcurrencyChaos.Tests.Scenarios.ScenarioTestData;

namespace ConcurrencyChaos.Tests.Scenarios;

public sealed class ScenarioReaderTests
{
    [Fact]
    public void Reads_the_design_example()
    {
        var scenario = Parse(Example);

        Assert.Equal("when-all-loses-second-error", scenario.Name);
        Assert.Equal("Seed pitfall 1: a plain catch sees only one of the group's errors.", scenario.About);
        Assert.Null(scenario.SourcePath);
        var expectedTree = new TaskTree(new Group(
            new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
            new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException }));
        Assert.Equal(expectedTree, scenario.Tree);
        Assert.Equal(["task-group", "when-all"], scenario.Expect.Keys);
        Assert.Equal(["errors-observed", "fail-fast"], scenario.Expect["when-all"]);
        Assert.Empty(scenario.Expect["task-group"]);
    }

    [Fact]
    public void Missing_optional_fields_take_the_model_defaults()
    {
        var scenario = Parse(WithChildren("{}", "{ 'children': [] }"));

        Assert.Null(scenario.About);
        Assert.Null(scenario.Tree.CancelAfter);
        Assert.Equal(0, scenario.Tree.Seed);
        Assert.Equal(new Leaf(), scenario.Tree.Root.Children[0]);
        Assert.Equal(new Group(), scenario.Tree.Root.Children[1]);
        Assert.Null(scenario.Tree.Root.Pattern);
    }

    [Fact]
    public void Reads_every_field()
    {
        var scenario = Parse(Q("""
            { 'name': 'all', 'about': null, 'cancelAfter': 25, 'seed': -7,
              'tree': { 'pattern': 'task-group', 'children': [
                { 'work': 5, 'then': 'throw-sync', 'error': 'HttpRequestException', 'onCancel': 'fail', 'cleanup': 3, 'cleanupError': 'ArgumentException' },
                { 'pattern': 'when-any', 'children': [ { 'then': 'hang', 'onCancel': 'swallow' }, { 'work': 1e1, 'onCancel': 'ignore' } ] } ] },
              'expect': { 'supervisor': ['terminates', 'no-orphans'] } }
            """));

        var expected = new TaskTree(
            new Group(
                new Leaf
                {
                    Work = 5, Then = LeafEnd.ThrowSync, Error = ErrorKind.HttpRequestException,
                    OnCancel = CancelBehavior.Fail, Cleanup = 3, CleanupError = ErrorKind.ArgumentException,
                },
                new Group(new Leaf { Then = LeafEnd.Hang, OnCancel = CancelBehavior.Swallow }, new Leaf { Work = 10, OnCancel = CancelBehavior.Ignore })
                {
                    Pattern = "when-any",
                })
            {
                Pattern = "task-group",
            },
            CancelAfter: 25,
            Seed: -7);
        Assert.Equal(expected, scenario.Tree);
        Assert.Null(scenario.About);
        Assert.Equal(["terminates", "no-orphans"], scenario.Expect["supervisor"]);
    }

    [Fact]
    public void Allows_comments_and_trailing_commas()
    {
        var scenario = Parse("""
            // a hand-written scenario
            {
              "name": "commented", /* inline */
              "tree": { "children": [ { "work": 1, }, ], },
              "expect": { "when-all": [ "terminates", ], },
            }
            """);

        Assert.Equal("commented", scenario.Name);
        Assert.Equal(new Leaf { Work = 1 }, scenario.Tree.Root.Children.Single());
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var error = ParseFails("{\n  \"name\": \"x\",\n  \"tree\": }\n");

        Assert.Equal(Source, error.Source);
        Assert.Equal(3L, error.Line);
        Assert.Equal(11L, error.Column);
        Assert.StartsWith($"{Source}:3:11: invalid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public void Empty_text_is_a_syntax_error_at_the_start()
    {
        var error = ParseFails(string.Empty);

        Assert.Equal(1L, error.Line);
        Assert.Equal(1L, error.Column);
        Assert.StartsWith($"{Source}:1:1: invalid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_work_message_is_exact()
    {
        var error = ParseFails(WithChildren("{}", "{ 'work': -5 }"));

        Assert.Equal("scenarios/x.json: $.tree.children[1].work: must be a whole number of virtual ms >= 0, got -5", error.Message);
        Assert.Equal("$.tree.children[1].work", error.JsonPath);
        Assert.Equal("must be a whole number of virtual ms >= 0, got -5", error.Problem);
    }

    [Fact]
    public void Unknown_leaf_field_message_is_exact()
    {
        var error = ParseFails(WithChildren("{ 'colour': 'red' }"));

        Assert.Equal(
            "scenarios/x.json: $.tree.children[0].colour: unknown field 'colour' (known: work, then, error, onCancel, cleanup, cleanupError, outerToken, operation, children, pattern)",
            error.Message);
    }

    [Fact]
    public void Unknown_pattern_id_in_expect_lists_the_known_ones_in_catalog_order()
    {
        var error = ParseFails(Q("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-al': [] } }"));

        AssertError(error, "$.expect.when-al", "unknown pattern id 'when-al' (known: when-all, fire-and-forget, when-any, ");
        Assert.EndsWith("supervisor, polly-timeout, polly-retry, channel-worker-pool, when-each-break)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_error_type_lists_the_error_kinds()
    {
        var error = ParseFails(WithChildren("{ 'then': 'fail', 'error': 'IOError' }"));

        AssertError(
            error,
            "$.tree.children[0].error",
            "unknown error type 'IOError' (known: InvalidOperationException, IOException, TimeoutException, ArgumentException, HttpRequestException, OperationCanceledException, TaskCanceledException)");
    }

    [Theory]
    // work, cleanup: whole virtual ms >= 0
    [InlineData("{ 'work': 1.5 }", "work", "must be a whole number of virtual ms >= 0, got 1.5")]
    [InlineData("{ 'work': '10' }", "work", "must be a whole number of virtual ms >= 0, got string \"10\"")]
    [InlineData("{ 'work': 3000000000 }", "work", "got 3000000000 (at most 2147483647)")]
    [InlineData("{ 'cleanup': -1 }", "cleanup", "must be a whole number of virtual ms >= 0, got -1")]
    [InlineData("{ 'cleanup': null }", "cleanup", "must be a whole number of virtual ms >= 0, got null")]
    // outerToken: how many groups out, a whole number >= 0
    [InlineData("{ 'outerToken': -1 }", "outerToken", "must be a whole number of groups out >= 0 (0: the token the leaf is given; 1: the one its group was given; ...; its depth or more: the caller's), got -1")]
    [InlineData("{ 'outerToken': 'caller' }", "outerToken", "must be a whole number of groups out >= 0 (0: the token the leaf is given; 1: the one its group was given; ...; its depth or more: the caller's), got string \"caller\"")]
    [InlineData("{ 'outerToken': 1.5 }", "outerToken", "must be a whole number of groups out >= 0")]
    // then, onCancel: list the allowed spellings
    [InlineData("{ 'then': 'crash' }", "then", "unknown value 'crash' (allowed: succeed, fail, hang, throw-sync)")]
    [InlineData("{ 'then': 'ThrowSync' }", "then", "unknown value 'ThrowSync' (allowed: succeed, fail, hang, throw-sync)")]
    [InlineData("{ 'then': 2 }", "then", "must be a string, one of: succeed, fail, hang, throw-sync; got 2")]
    [InlineData("{ 'onCancel': 'abort' }", "onCancel", "unknown value 'abort' (allowed: throw, swallow, fail, ignore)")]
    [InlineData("{ 'onCancel': true }", "onCancel", "must be a string, one of: throw, swallow, fail, ignore; got boolean true")]
    // error types
    [InlineData("{ 'cleanupError': 'System.IO.IOException' }", "cleanupError", "unknown error type 'System.IO.IOException' (known: InvalidOperationException, ")]
    [InlineData("{ 'error': ['IOException'] }", "error", "must be a string, one of: InvalidOperationException, IOException, TimeoutException, ArgumentException, HttpRequestException, OperationCanceledException, TaskCanceledException; got array")]
    // operations: a registered name, a non-empty string
    [InlineData("{ 'operation': 'charge-crad' }", "operation", "unknown operation 'charge-crad' (known: Orders.SaveAsync, charge-card, quote\"op)")]
    [InlineData("{ 'operation': '' }", "operation", "must be the name of a registered operation (a non-empty string), got string \"\"")]
    [InlineData("{ 'operation': 7 }", "operation", "must be the name of a registered operation (a non-empty string), got 7")]
    // fields of the wrong kind of node
    [InlineData("{ 'pattern': 'when-all' }", "pattern", "'pattern' is a group field, but this node has no \"children\", so it is a leaf (leaf fields: work, then, error, onCancel, cleanup, cleanupError, outerToken, operation)")]
    [InlineData("{ 'children': [], 'work': 3 }", "work", "'work' is a leaf field, but this node has \"children\", so it is a group (group fields: pattern, children)")]
    [InlineData("{ 'children': [], 'Pattern': 'x' }", "Pattern", "unknown field 'Pattern' (known: work, then, error, onCancel, cleanup, cleanupError, outerToken, operation, children, pattern)")]
    [InlineData("{ 'Work': 1 }", "Work", "unknown field 'Work' (known: work, ")]
    // semantic rule: a hanging leaf that ignores cancellation could never end
    [InlineData("{ 'then': 'hang', 'onCancel': 'ignore' }", "onCancel", "a leaf that hangs must not ignore cancellation: it could never end (use \"onCancel\": \"throw\", \"swallow\", \"fail\")")]
    [InlineData("{ 'onCancel': 'ignore', 'work': 5, 'then': 'hang' }", "onCancel", "it could never end")]
    // duplicate property names
    [InlineData("{ 'work': 1, 'work': 2 }", "work", "duplicate field 'work' (each may appear only once)")]
    // groups
    [InlineData("{ 'children': {} }", "children", "must be an array of nodes, got object")]
    [InlineData("{ 'children': [], 'pattern': 'when-al' }", "pattern", "unknown pattern id 'when-al' (known: when-all, fire-and-forget, ")]
    [InlineData("{ 'children': [], 'pattern': 3 }", "pattern", "must be a pattern id (a string), got 3")]
    public void Leaf_and_group_field_errors_name_the_field(string node, string field, string gist)
    {
        var error = ParseFails(WithChildren(node));

        AssertError(error, $"$.tree.children[0].{field}", gist);
    }

    [Theory]
    [InlineData("[ {} ]", "$", "must be a scenario object, got array")]
    [InlineData("{ 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$", "missing required field 'name'")]
    [InlineData("{ 'name': 'x', 'expect': { 'when-all': [] } }", "$", "missing required field 'tree'")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] } }", "$", "missing required field 'expect'")]
    [InlineData("{ 'name': '', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.name", "must be a non-empty string")]
    [InlineData("{ 'name': '  ', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.name", "must be a non-empty string")]
    [InlineData("{ 'name': 7, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.name", "must be a non-empty string, got 7")]
    [InlineData("{ 'name': 'x', 'about': 1, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.about", "must be a string or null, got 1")]
    [InlineData("{ 'name': 'x', 'colour': 1, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.colour", "unknown field 'colour' (known: $schema, name, about, tree, cancelAfter, seed, expect, found)")]
    [InlineData("{ 'name': 'x', 'name': 'y', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.name", "duplicate field 'name'")]
    [InlineData("{ 'name': 'x', 'seed': 'one', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.seed", "must be an integer, got string")]
    [InlineData("{ 'name': 'x', 'seed': 0.5, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.seed", "must be an integer, got 0.5")]
    [InlineData("{ 'name': 'x', 'seed': null, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.seed", "must be an integer, got null")]
    [InlineData("{ 'name': 'x', 'seed': 4294967296, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.seed", "must be an integer (from -2147483648 to 2147483647), got 4294967296")]
    [InlineData("{ 'name': 'x', 'cancelAfter': -1, 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.cancelAfter", "must be a whole number of virtual ms >= 0 or null, got -1")]
    [InlineData("{ 'name': 'x', 'cancelAfter': '5', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }", "$.cancelAfter", "must be a whole number of virtual ms >= 0 or null, got string \"5\"")]
    [InlineData("{ 'name': 'x', 'tree': [], 'expect': { 'when-all': [] } }", "$.tree", "must be a group object (with \"children\"), got array")]
    [InlineData("{ 'name': 'x', 'tree': { 'work': 5 }, 'expect': { 'when-all': [] } }", "$.tree", "the root must be a group: add \"children\"")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [] }, 'expect': { 'when-all': [] } }", "$.tree.children", "the root group must have at least one child")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {}, 5 ] }, 'expect': { 'when-all': [] } }", "$.tree.children[1]", "must be a node object (a leaf, or a group with \"children\"), got 5")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ { 'children': [ {}, { 'work': -2 } ] } ] }, 'expect': { 'when-all': [] } }", "$.tree.children[0].children[1].work", "got -2")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': [] }", "$.expect", "must be an object mapping pattern ids to arrays of invariant ids, got array")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': {} }", "$.expect", "must name at least one pattern id")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [], 'when-all': [] } }", "$.expect.when-all", "duplicate pattern id 'when-all'")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when all': [] } }", "$.expect['when all']", "unknown pattern id 'when all' (known: when-all, ")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': 'fail-fast' } }", "$.expect.when-all", "must be an array of invariant ids (the exact set 'when-all' must violate; [] = none), got string \"fail-fast\"")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [ 'no-orphans', 'fail-fastt' ] } }", "$.expect.when-all[1]", "unknown invariant id 'fail-fastt' (known: errors-observed, no-orphans, cancellation-propagated, fail-fast, terminates, work-done, no-crash, assertion)")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [ 'fail-fast', 'no-orphans', 'fail-fast' ] } }", "$.expect.when-all[2]", "duplicate invariant id 'fail-fast' (already at [0])")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [ 1 ] } }", "$.expect.when-all[0]", "must be an invariant id (a string), got 1")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': [] }", "$.found", "must be an object mapping pattern ids to the invariant ids each broke when the scenario was kept, got array")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': { 'when-all': [] } }", "$.found.when-all", "must name at least one invariant id: what 'when-all' broke when the scenario was kept")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': { 'when-all': 'fail-fast' } }", "$.found.when-all", "must be an array of invariant ids (what 'when-all' broke when the scenario was kept), got string \"fail-fast\"")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': { 'when-all': [ 'fail-fastt' ] } }", "$.found.when-all[0]", "unknown invariant id 'fail-fastt' (known: errors-observed, ")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': { 'when-all': [ 'fail-fast', 'fail-fast' ] } }", "$.found.when-all[1]", "duplicate invariant id 'fail-fast' (already at [0])")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': { 'when-all': ['fail-fast'], 'when-all': ['no-orphans'] } }", "$.found.when-all", "duplicate pattern id 'when-all'")]
    [InlineData("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] }, 'found': { ' ': ['fail-fast'] } }", "$.found[' ']", "must be a pattern id (a non-empty name)")]
    public void Document_errors_name_the_path(string json, string path, string gist)
    {
        var error = ParseFails(Q(json));

        AssertError(error, path, gist);
    }

    [Fact]
    public void A_kept_counterexample_expects_the_pattern_to_hold_and_records_what_was_found()
    {
        var scenario = Parse(Q("""
            { 'name': 'found-when-all-seed-1', 'tree': { 'children': [ { 'onCancel': 'swallow' } ] }, 'cancelAfter': 0,
              'expect': { 'when-all': [], 'task-group': [] },
              'found': { 'when-all': [ 'cancellation-propagated', 'fail-fast' ], 'orders-naive': [ 'no-orphans' ] } }
            """));

        Assert.Empty(scenario.Expect["when-all"]);
        Assert.Equal(["orders-naive", "when-all"], scenario.Found.Keys);
        Assert.Equal(["cancellation-propagated", "fail-fast"], scenario.Found["when-all"]);
        Assert.Equal(["no-orphans"], scenario.Found["orders-naive"]); // a pattern that is gone: found is a record, not run
        Assert.Empty(Parse(Example).Found);
    }

    [Fact]
    public void Schema_field_is_allowed_and_ignored()
    {
        var with = Parse(Q("{ '$schema': 'anything', 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }"));
        var without = Parse(Q("{ 'name': 'x', 'tree': { 'children': [ {} ] }, 'expect': { 'when-all': [] } }"));

        Assert.Equal(without, with);
    }

    [Fact]
    public void Whole_numbers_may_be_written_with_a_fraction_or_exponent()
    {
        var scenario = Parse(Q("{ 'name': 'x', 'cancelAfter': 2.0, 'seed': -3e0, 'tree': { 'children': [ { 'work': 1e2, 'cleanup': 4.00 } ] }, 'expect': { 'when-all': [] } }"));

        Assert.Equal(2, scenario.Tree.CancelAfter);
        Assert.Equal(-3, scenario.Tree.Seed);
        Assert.Equal(new Leaf { Work = 100, Cleanup = 4 }, scenario.Tree.Root.Children[0]);
    }

    [Fact]
    public void An_operation_without_registered_operations_says_to_replay_it_from_the_test_suite()
    {
        var json = ScenarioTestData.Example.Replace("\"work\": 10,", "\"work\": 10, \"operation\": \"charge-card\",", StringComparison.Ordinal);
        Assert.Contains("charge-card", json, StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Parse(json, ScenarioTestData.Source, Chaos.Vocabulary));

        Assert.Equal("$.tree.children[0].operation", error.JsonPath);
        Assert.Contains("names operation 'charge-card', but no operations are registered here", error.Message, StringComparison.Ordinal);
        Assert.Contains("RunOptions.Operations", error.Message, StringComparison.Ordinal);
    }
}
