using System.Net;
using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Protocol;
using EntraDevices.Provider.Resources;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EntraDevices.Provider.Hosting;

/// <summary>Hosts the gRPC service on 127.0.0.1 (HTTP/2 cleartext, a free port), as the engine expects.</summary>
public sealed class ProviderHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProviderHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the provider. <paramref name="engineAddress"/> is where warnings are logged.</summary>
    public static async Task<ProviderHost> StartAsync(string? engineAddress, Func<string, string?>? environment = null, Graph.Connection.GraphTuning? tuning = null)
    {
        // The content root is the plugin's own folder: the default (the Pulumi project) would be watched recursively for config changes, slowing start-up.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        var log = new EngineLog(engineAddress);
        var session = new GraphSession(environment ?? Environment.GetEnvironmentVariable)
        {
            Tuning = tuning ?? new(),
            SignIn = new Graph.Connection.SignInHooks { Prompt = (message, _) => log.PromptAsync(message) },
        };
        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(new ProviderLifetime());
        builder.Services.AddSingleton(new ResourceTypes(Catalog.Resources(session.Connection, new ProjectDirectories())));
        builder.Services.AddGrpc(options => options.EnableDetailedErrors = false);
        // One service instance, bound by DeepValueBinding instead of Grpc.AspNetCore's binder (which keeps protobuf's shallow limit).
        builder.Services.AddSingleton<ResourceProviderService>();
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton<IServiceMethodProvider<ResourceProviderService>, DeepValueBinding>();

        var app = builder.Build();
        app.MapGrpcService<ResourceProviderService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProviderHost(app, new Uri(address).Port);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
