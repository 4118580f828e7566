using Pulumi.Experimental.Provider;

// Serves Pulumi's provider protocol with no resources: prints its port, then waits for the engine.
await Provider.Serve(args, "0.0.1", _ => new EmptyProvider(), CancellationToken.None);

internal sealed class EmptyProvider : Provider;
