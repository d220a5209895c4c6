global using Work = System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task>;
