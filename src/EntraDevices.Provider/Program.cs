using EntraDevices.Provider.Hosting;

// The first (and only) line on stdout must be the port; everything else goes to stderr.
await using var host = await ProviderHost.StartAsync(LaunchArguments.EngineAddress(args));
Console.Out.WriteLine(host.Port);
Console.Out.Flush();
await host.WaitForShutdownAsync();
