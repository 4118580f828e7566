namespace EntraDevices.Graph.Connection;

/// <summary>
/// The last handler before the wire: refuses any request that is neither https nor to this machine, so a
/// redirect can never carry a request (or its body) somewhere the configured endpoint rule would refuse.
/// </summary>
public sealed class SecureTransportHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Allowed(request.RequestUri)
            ? base.SendAsync(request, cancellationToken)
            : throw new InsecureRequestRefusedException(request.Method.Method, request.RequestUri!);

    public static bool Allowed(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && SecureEndpoint.IsLoopback(uri)));
}

/// <summary>A request the provider would not send: it would have left over plain http for another machine.</summary>
public sealed class InsecureRequestRefusedException(string method, Uri target)
    : HttpRequestException($"the provider refused to send {method} to {target.Scheme}://{target.Authority}{target.AbsolutePath}, "
        + "because requests go only to https endpoints (plain http only to loopback addresses); Graph's answer had redirected it there")
{
    public Uri Target { get; } = target;
}
