using EntraDevices.Provider.Hosting;

// The engine launches: pulumi-resource-entradevices [--logtostderr] [-v=N] [--tracing <endpoint>] <engine address>.
// The first (and only) line on stdout must be the port; everything else goes to stderr.
var engineAddress = args.LastOrDefault(arg => !arg.StartsWith('-') && !arg.Contains("tracing", StringComparison.Ordinal));
if (args.Length >= 2 && args[^2] == "--tracing")
{
    engineAddress = null;
}

await using var host = await ProviderHost.StartAsync(engineAddress);
Console.Out.WriteLine(host.Port);
Console.Out.Flush();
await host.WaitForShutdownAsync();
