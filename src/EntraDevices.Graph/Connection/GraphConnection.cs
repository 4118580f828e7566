using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace EntraDevices.Graph.Connection;

/// <summary>
/// A signed-in Graph client built from the SDK's own pieces: its middleware (retry, redirect, telemetry)
/// and Azure.Identity's credential behind the SDK's authentication provider.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private readonly HttpClient _graphHttp;
    private readonly HttpClient _tokenHttp;

    private GraphConnection(GraphServiceClient client, HttpClient graphHttp, HttpClient tokenHttp, Uri endpoint, string credential)
    {
        Client = client;
        _graphHttp = graphHttp;
        _tokenHttp = tokenHttp;
        Endpoint = endpoint;
        CredentialDescription = credential;
    }

    public GraphServiceClient Client { get; }

    /// <summary>The Graph base URL including the API version, e.g. https://graph.microsoft.com/v1.0.</summary>
    public Uri Endpoint { get; }

    public string CredentialDescription { get; }

    public static GraphConnection Open(ConnectionSettings settings, GraphTuning? tuning = null)
    {
        tuning ??= new GraphTuning();
        var cloud = CloudEnvironment.Parse(settings.Environment, "environment (ARM_ENVIRONMENT)");
        var root = string.IsNullOrWhiteSpace(settings.GraphEndpoint)
            ? cloud.GraphEndpoint
            : SecureEndpoint.Require(settings.GraphEndpoint, "graphEndpoint");
        var endpoint = new Uri($"{root.GetLeftPart(UriPartial.Authority)}/{tuning.ApiVersion}");

        var tokenHttp = new HttpClient();
        var credential = CredentialChain.Choose(settings, cloud, tokenHttp);
        // Scopes are always the cloud's Graph resource, allowed hosts only the endpoint: no token leaves for elsewhere.
        var auth = new AzureIdentityAuthenticationProvider(
            credential.Credential,
            allowedHosts: [endpoint.Host],
            observabilityOptions: null,
            isCaeEnabled: true,
            scopes: [$"{cloud.GraphEndpoint.GetLeftPart(UriPartial.Authority)}/.default"]);

        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Select(handler => handler is RetryHandler
                ? new RetryHandler(new RetryHandlerOption { MaxRetry = tuning.MaxRetries, Delay = (int)tuning.RetryDelay.TotalSeconds })
                : handler)
            .ToList();
        var graphHttp = GraphClientFactory.Create(handlers);
        graphHttp.Timeout = Timeout.InfiniteTimeSpan;  // callers bound each operation with their own token
        var client = new GraphServiceClient(graphHttp, auth, endpoint.ToString());
        return new GraphConnection(client, graphHttp, tokenHttp, endpoint, credential.Description);
    }

    public void Dispose()
    {
        _graphHttp.Dispose();
        _tokenHttp.Dispose();
    }
}
