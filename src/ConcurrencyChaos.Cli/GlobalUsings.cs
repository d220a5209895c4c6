// The BCL shape of a fan-out pattern, as the core's public API spells it out: run these children under this token.
global using FanOutPattern = System.Func<
    System.Collections.Generic.IReadOnlyList<System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task>>,
    System.Threading.CancellationToken,
    System.Threading.Tasks.Task>;
