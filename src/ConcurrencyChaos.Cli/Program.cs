// The `chaos` command. Its commands arrive with the scenario runner (see DESIGN.md section 10).
Console.Error.WriteLine("chaos: no command yet");
return 2;
