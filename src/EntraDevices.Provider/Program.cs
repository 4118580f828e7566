using EntraDevices.Provider.Export;
using EntraDevices.Provider.Hosting;

// `export`: a person's command, not the engine's (README, "Bringing an existing tenant under code").
if (ExportOptions.IsExport(args))
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await ExportCommand.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, Directory.GetCurrentDirectory(), cancellationToken: stop.Token);
}

// The first (and only) line on stdout must be the port; everything else goes to stderr.
await using var host = await ProviderHost.StartAsync(LaunchArguments.EngineAddress(args));
Console.Out.WriteLine(host.Port);
Console.Out.Flush();
await host.WaitForShutdownAsync();
return 0;
