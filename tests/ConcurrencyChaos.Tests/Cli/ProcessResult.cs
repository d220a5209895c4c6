namespace ConcurrencyChaos.Tests.Cli;

/// <summary>How a <c>chaos</c> process ended.</summary>
public sealed record ProcessResult(int Code, string Out, string Error, TimeSpan Elapsed)
{
    /// <summary>Everything it printed.</summary>
    public string Text => Out + Error;

    public override string ToString() => $"exit {Code} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
