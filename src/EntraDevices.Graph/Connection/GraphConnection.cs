using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
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
    private readonly GraphErrorTranslation _errors;
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private SignedInAs _signedInAs;

    private GraphConnection(
        GraphServiceClient client, HttpClient graphHttp, HttpClient tokenHttp, Uri endpoint, TimeSpan requestTimeout, Redaction redaction,
        ChosenCredential chosen, TokenCredential credential, string[] scopes, GraphTuning tuning)
    {
        Tuning = tuning;
        _credential = credential;
        _scopes = scopes;
        _signedInAs = chosen.SignedInAs;
        SignedInWith = chosen.Description;
        Client = client;
        _graphHttp = graphHttp;
        _tokenHttp = tokenHttp;
        Endpoint = endpoint;
        Root = new Uri(endpoint.GetLeftPart(UriPartial.Authority));
        RequestTimeout = requestTimeout;
        Redaction = redaction;
        _errors = new GraphErrorTranslation(redaction, requestTimeout);
    }

    public GraphServiceClient Client { get; }

    /// <summary>The retry handler's knobs, for the requests that set their own retry rule.</summary>
    public GraphTuning Tuning { get; }

    /// <summary>The Graph base URL including the API version, e.g. https://graph.microsoft.com/v1.0.</summary>
    public Uri Endpoint { get; }

    /// <summary>The Graph host without a version, e.g. https://graph.microsoft.com; each call adds its own version.</summary>
    public Uri Root { get; }

    /// <summary>The bound of every call made through <see cref="Run{T}"/>, retries and sign-in included.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>This connection's secrets taken out of text: for what Graph answers inside a 200 that may reach a person.</summary>
    internal Redaction Redaction { get; }

    /// <summary>The credential in words safe to show, e.g. "a client secret for application … in tenant …".</summary>
    public string SignedInWith { get; }

    public static GraphConnection Open(ConnectionSettings settings, GraphTuning? tuning = null, SignInHooks? signIn = null)
    {
        tuning ??= new GraphTuning();
        var cloud = CloudEnvironment.Parse(settings.Environment, "environment (ARM_ENVIRONMENT)");
        var root = string.IsNullOrWhiteSpace(settings.GraphEndpoint)
            ? cloud.GraphEndpoint
            : SecureEndpoint.Require(settings.GraphEndpoint, "graphEndpoint (ENTRADEVICES_GRAPH_ENDPOINT)");
        var requestTimeout = Connection.RequestTimeout.Parse(settings.RequestTimeout, "requestTimeout (ENTRADEVICES_REQUEST_TIMEOUT)");
        var endpoint = new Uri($"{root.GetLeftPart(UriPartial.Authority)}/{tuning.ApiVersion}");

        var redaction = new Redaction();
        foreach (var secret in settings.Secrets)
        {
            redaction.Remember(secret);
        }

        // Sign-in requests follow no redirect at all, and go only where Graph requests may go.
        var tokenHttp = new HttpClient(new SecureTransportHandler(new SocketsHttpHandler { AllowAutoRedirect = false }));
        var credential = CredentialChain.Choose(settings, cloud, tokenHttp, signIn);
        var remembering = new RememberingCredential(credential.Credential, redaction);
        string[] scopes = [$"{cloud.GraphEndpoint.GetLeftPart(UriPartial.Authority)}/.default"];
        // Scopes are always the cloud's Graph resource, allowed hosts only the endpoint: no token leaves for elsewhere.
        var auth = new AzureIdentityAuthenticationProvider(
            remembering,
            allowedHosts: [endpoint.Host],
            observabilityOptions: null,
            isCaeEnabled: true,
            scopes: scopes);

        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Select(handler => handler switch
            {
                RetryHandler => new RetryHandler(new RetryHandlerOption { MaxRetry = tuning.MaxRetries, Delay = (int)tuning.RetryDelay.TotalSeconds }),
                // Where a redirect may lead is SecureTransportHandler's rule alone (https, or http to loopback), so
                // https is reachable from a loopback test endpoint; the handler still drops the token on another host.
                RedirectHandler => new RedirectHandler(new RedirectHandlerOption { AllowRedirectOnSchemeChange = true }),
                _ => handler,
            })
            .ToList();
        // Innermost, so every request the redirect handler makes passes the same rule as the configured endpoint.
        var graphHttp = GraphClientFactory.Create(handlers, finalHandler: new SecureTransportHandler(Wire()));
        graphHttp.Timeout = Timeout.InfiniteTimeSpan;  // each call is bounded by Run and by its caller's token
        var client = new GraphServiceClient(graphHttp, auth, endpoint.ToString());
        return new GraphConnection(client, graphHttp, tokenHttp, endpoint, requestTimeout, redaction, credential, remembering, scopes, tuning);
    }

    // Redirects are the SDK's redirect handler's job alone, so each hop passes through SecureTransportHandler.
    private static HttpMessageHandler Wire()
    {
        var wire = KiotaClientFactory.GetDefaultHttpMessageHandler();
        switch (wire)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }

        return wire;
    }

    /// <summary>
    /// Runs one Graph call within <see cref="RequestTimeout"/> and the caller's token; whatever the SDK throws
    /// becomes a <see cref="GraphRequestException"/> without secrets. The call must add <see cref="GraphCall.Options"/>
    /// to its request: Kiota's headers inspection hands back the last answer's request-id, whatever failed.
    /// </summary>
    public async Task<T> Run<T>(GraphOperation operation, Func<GraphCall, Task<T>> call, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(RequestTimeout);
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        try
        {
            return await call(new GraphCall(bound.Token, headers));
        }
        catch (Exception exception) when (exception is not (UnexpectedPolicyShapeException or Transport.InvalidIdException))
        {
            throw _errors.Translate(operation, exception, cancellationToken, headers);
        }
    }

    /// <summary>
    /// Who Graph will see: known from the configuration for most credentials; otherwise (DefaultAzureCredential) read
    /// from the token it gives, which is the token Graph calls would carry. Unknown when no token can be had: the
    /// Graph call that follows then fails with the sign-in's own error.
    /// </summary>
    public async Task<SignedInAs> SignedInAsAsync(CancellationToken cancellationToken)
    {
        if (_signedInAs != SignedInAs.Unknown)
        {
            return _signedInAs;
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(RequestTimeout);
        try
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), bound.Token);
            return _signedInAs = TokenIdentity.Of(token.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SignedInAs.Unknown;
        }
    }

    public void Dispose()
    {
        _graphHttp.Dispose();
        _tokenHttp.Dispose();
    }
}
