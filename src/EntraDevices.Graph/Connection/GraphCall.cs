using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace EntraDevices.Graph.Connection;

/// <summary>One Graph call's bounds and the per-request options it must add to its request.</summary>
public sealed record GraphCall(CancellationToken Token, HeadersInspectionHandlerOption Headers)
{
    public IRequestOption[] Options => [Headers];

    /// <summary>The request-id of the last answer, read from its headers (not from any error text).</summary>
    public static string? RequestId(HeadersInspectionHandlerOption? headers) =>
        headers?.ResponseHeaders.TryGetValue("request-id", out var values) == true ? values.FirstOrDefault() : null;
}
