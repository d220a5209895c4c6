// The BCL shape of a fan-out pattern: run these children under this token (DESIGN.md section 5).
global using FanOutPattern = System.Func<
    System.Collections.Generic.IReadOnlyList<System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task>>,
    System.Threading.CancellationToken,
    System.Threading.Tasks.Task>;
