using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>TaskGroup ships in its own BCL-only assembly, and the harness's <c>task-group</c> pattern is that assembly's.</summary>
public sealed class PackageTests
{
    [Fact]
    public void TaskGroup_lives_in_ConcurrencyChaos_Structured_which_references_only_the_BCL()
    {
        var assembly = typeof(TaskGroup).Assembly;
        Assert.Equal("ConcurrencyChaos.Structured", assembly.GetName().Name);
        Assert.Same(assembly, typeof(TaskGroupException).Assembly);
        Assert.All(assembly.GetReferencedAssemblies(), reference => Assert.True(
            reference.Name is "netstandard" or "mscorlib" || reference.Name!.StartsWith("System", StringComparison.Ordinal),
            $"{reference.Name} is not part of the BCL"));
    }

    [Fact]
    public void The_task_group_catalog_pattern_is_TaskGroup_WhenAll_from_the_package()
    {
        var pattern = PatternCatalog.Get("task-group").Create(TimeProvider.System);
        Assert.Equal(typeof(TaskGroup), pattern.Method.DeclaringType);
        Assert.Equal(nameof(TaskGroup.WhenAll), pattern.Method.Name);
    }
}
