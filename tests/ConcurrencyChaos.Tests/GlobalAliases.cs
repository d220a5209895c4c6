global using FanOut = System.Func<
    System.Collections.Generic.IReadOnlyList<System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task>>,
    System.Threading.CancellationToken,
    System.Threading.Tasks.Task>;
