namespace ConcurrencyChaos.Xunit;

/// <summary>Marks this assembly; replaced by the xunit integration types.</summary>
public static class AssemblyMarker;
