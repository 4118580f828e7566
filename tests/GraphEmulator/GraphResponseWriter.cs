using System.Globalization;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>Writes answers the way Graph shapes them: correlation headers, OData JSON, OData error bodies.</summary>
internal static class GraphResponseWriter
{
    private const string ODataJson = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /// <summary>Every Graph answer carries a fresh request-id and echoes (or invents) client-request-id.</summary>
    public static void AddCorrelationHeaders(HttpContext context)
    {
        var clientRequestId = context.Request.Headers["client-request-id"].ToString();
        context.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        context.Response.Headers["client-request-id"] = clientRequestId.Length > 0 ? clientRequestId : Guid.NewGuid().ToString();
    }

    public static Task WriteAsync(HttpContext context, GraphResponse response)
    {
        context.Response.StatusCode = response.Status;
        if (response.Body is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = ODataJson;
        return context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>A body exactly as given, JSON or not: for faults that answer something other than the object.</summary>
    public static Task WriteRawAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ODataJson;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        var headers = context.Response.Headers;
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = headers["request-id"].ToString(),
                    ["client-request-id"] = headers["client-request-id"].ToString(),
                },
            },
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>The error code Graph uses for a status an injected fault answers with.</summary>
    public static (string Code, string Message) FaultError(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => ("TooManyRequests", "Too many requests."),
        StatusCodes.Status503ServiceUnavailable => ("serviceNotAvailable", "The service is temporarily unavailable. Please retry later."),
        StatusCodes.Status504GatewayTimeout => ("gatewayTimeout", "The gateway did not receive a timely response."),
        StatusCodes.Status500InternalServerError => ("generalException", "An unspecified error has occurred."),
        StatusCodes.Status400BadRequest => ("invalidRequest", "The request is malformed or incorrect."),
        StatusCodes.Status401Unauthorized => ("InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
        StatusCodes.Status403Forbidden => ("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
        StatusCodes.Status404NotFound => ("Request_ResourceNotFound", "Resource not found."),
        StatusCodes.Status409Conflict => ("conflict", "The request conflicts with the current state."),
        StatusCodes.Status412PreconditionFailed => ("preconditionFailed", "A precondition of the request was not met."),
        _ => ("generalException", "An unspecified error has occurred."),
    };
}
