using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// A Microsoft Graph stand-in on 127.0.0.1 (random port, HTTP/1.1) serving the device settings endpoints,
/// with a request log and injectable faults.
/// </summary>
public sealed class GraphEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultQueue _faults;
    private readonly RequestLog _log;

    private GraphEmulator(WebApplication app, EmulatedTenant tenant, FaultQueue faults, RequestLog log, string baseUrl)
    {
        _app = app;
        Tenant = tenant;
        _faults = faults;
        _log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Where Graph lives, e.g. <c>http://127.0.0.1:54321</c>: no trailing slash, no version.</summary>
    public string BaseUrl { get; }

    public EmulatedTenant Tenant { get; }

    /// <summary>With <see cref="EmulatorOptions.Https"/>: the certificate it serves, for a test client to trust.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; private init; }

    /// <summary>Sign-in requests so far: "devicecode", "token:&lt;grant&gt;".</summary>
    public IReadOnlyList<string> SignInRequests => SignIn.Requests;

    private SignInEndpoints SignIn { get; init; } = null!;

    /// <summary>A copy of the Graph requests so far, in order. Control requests are not included.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    public static Task<GraphEmulator> StartAsync(EmulatorOptions? options = null) => StartAsync(options, logging: null);

    internal static async Task<GraphEmulator> StartAsync(EmulatorOptions? options, Action<ILoggingBuilder>? logging)
    {
        var tenant = new EmulatedTenant(options?.IntuneEnabled ?? false);
        var faults = new FaultQueue();
        var log = new RequestLog();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GraphEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var certificate = options?.Https == true ? LoopbackCertificate.Create() : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            }));

        var app = builder.Build();
        var control = new ControlEndpoints(tenant, faults, log);
        var routes = new RouteTable();
        foreach (var module in Modules.All.Modules(tenant))
        {
            module.Register(routes);
        }

        var graph = new GraphRequestHandler(routes, faults, log, app.Lifetime.ApplicationStopping);
        app.Map(ControlEndpoints.Prefix, branch => branch.Run(control.InvokeAsync));
        var signIn = new SignInEndpoints(options ?? new EmulatorOptions());
        app.MapWhen(SignInEndpoints.Serves, branch => branch.Run(signIn.InvokeAsync));
        app.Run(graph.InvokeAsync);

        await app.StartAsync();
        var address = app.Urls.Single();
        return new GraphEmulator(app, tenant, faults, log, address.TrimEnd('/')) { Certificate = certificate, SignIn = signIn };
    }

    public void ClearRequests() => _log.Clear();

    /// <summary>Queues a fault; each request consumes the first queued fault that matches it.</summary>
    public void InjectFault(Fault fault) => _faults.Add(fault);

    /// <summary>Drops the faults not yet used up (a test's next step runs against a well tenant).</summary>
    public void ClearFaults() => _faults.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
