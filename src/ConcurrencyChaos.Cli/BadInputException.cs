namespace ConcurrencyChaos.Cli;

/// <summary>Input the user can fix (unknown id, unwritable path...): reported as one message, exit code 2, no stack trace.</summary>
internal sealed class BadInputException(string message) : Exception(message);
