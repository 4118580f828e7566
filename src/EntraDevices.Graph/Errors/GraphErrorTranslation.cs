using System.Text.Json;
using Azure.Identity;
using EntraDevices.Graph.Connection;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace EntraDevices.Graph;

/// <summary>
/// Turns whatever the Graph SDK threw into one <see cref="GraphRequestException"/> a user can act on, with every
/// secret the connection knows taken out of its text.
/// </summary>
internal sealed class GraphErrorTranslation(Redaction redaction, TimeSpan requestTimeout)
{
    public GraphRequestException Translate(
        GraphOperation operation, Exception exception, CancellationToken cancellationToken, HeadersInspectionHandlerOption? headers = null)
    {
        var error = Describe(operation, exception, cancellationToken, GraphCall.RequestId(headers));
        return new GraphRequestException(operation, error.Kind, redaction.Apply(error.Message), exception)
        {
            Status = error.Status,
            Code = error.Code is null ? null : redaction.Apply(error.Code),
            RequestId = error.RequestId,
        };
    }

    private GraphRequestException Describe(GraphOperation operation, Exception exception, CancellationToken cancellationToken, string? inspectedRequestId)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return new GraphRequestException(operation, GraphFailureKind.Cancelled,
                    $"Cancelled while waiting for Microsoft Graph to {operation.Action} ({operation}).", exception);
            case OperationCanceledException:
                // Only the connection's own bound can have fired: the caller's token is not cancelled.
                return new GraphRequestException(operation, GraphFailureKind.NoAnswer,
                    $"Microsoft Graph did not answer the request to {operation.Action} ({operation}) within {requestTimeout.TotalSeconds:0} s "
                    + "(entradevices:requestTimeout, ENTRADEVICES_REQUEST_TIMEOUT).", exception);
            case InsecureRequestRefusedException refused:
                // Graph answered with a redirect that was not followed: the request was not applied there.
                return new GraphRequestException(operation, GraphFailureKind.Rejected,
                    $"Microsoft Graph answered the request to {operation.Action} ({operation}) with a redirect, and {refused.Message}.", exception);
            case ODataError odata:
                return Rejected(operation, odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message,
                    inspectedRequestId ?? odata.Error?.InnerError?.RequestId ?? RequestIdOf(odata), retriesExhausted: false, exception);
            case AggregateException aggregate when aggregate.InnerExceptions.LastOrDefault() is ApiException last:
                // The retry handler keeps the last answer's code and message only in its exception text; the request-id comes from the headers.
                var (code, message, bodyRequestId) = ErrorBodyIn(last.Message);
                return Rejected(operation, last.ResponseStatusCode, code, message, inspectedRequestId ?? RequestIdOf(last) ?? bodyRequestId, retriesExhausted: true, exception);
            case ApiException api:
                var (apiCode, apiMessage, apiRequestId) = ErrorBodyIn(api.Message);
                return Rejected(operation, api.ResponseStatusCode, apiCode, apiMessage ?? api.Message, inspectedRequestId ?? RequestIdOf(api) ?? apiRequestId, retriesExhausted: false, exception);
            case AuthenticationFailedException or CredentialUnavailableException:
                // No request left this machine: nothing can have changed.
                return new GraphRequestException(operation, GraphFailureKind.Rejected,
                    $"Signing in to Microsoft Graph failed, so Pulumi could not {operation.Action} ({operation}): {exception.Message}", exception);
            case HttpRequestException or IOException or OperationCanceledException:
                return new GraphRequestException(operation, GraphFailureKind.NoAnswer,
                    $"Microsoft Graph did not answer the request to {operation.Action} ({operation}): {exception.GetBaseException().Message}",
                    exception);
            default:
                return new GraphRequestException(operation, GraphFailureKind.NoAnswer,
                    $"The request to {operation.Action} ({operation}) failed before Graph answered: {exception.GetBaseException().Message}",
                    exception);
        }
    }

    private static GraphRequestException Rejected(
        GraphOperation operation, int status, string? code, string? message, string? requestId, bool retriesExhausted, Exception inner)
    {
        var verb = status >= 500 ? "failed to" : "refused to";
        var text = $"Microsoft Graph {verb} {operation.Action} ({operation}): {status} {code ?? "(no error code)"}: {message ?? "(no message)"}"
            + $" [request-id: {requestId ?? "none"}]";
        if (retriesExhausted)
        {
            text += " Graph kept answering with errors it asks clients to retry, and the retries ran out; try again later.";
        }

        if (status == 400 && message?.Contains("Request not applicable to target tenant", StringComparison.OrdinalIgnoreCase) == true)
        {
            // graph-autopilot-journey.md §0: how Graph answers deviceManagement calls in a tenant without Intune.
            text += " The tenant has no active Intune licence, which every Intune (deviceManagement) call needs: assign one, then run this again.";
        }

        if (status is 401 or 403 && operation.DelegatedOnly)
        {
            text += $" Graph has only a delegated permission for this: the person signed in needs the Entra role {operation.EntraRole}, and the app "
                + $"registration they sign in with needs the delegated permission {operation.Permission}, with admin consent; no application sign-in can do it.";
        }
        else if (status is 401 or 403)
        {
            text += $" The identity running Pulumi needs the Microsoft Graph permission {operation.Permission}"
                + $" (an application permission with admin consent, or a delegated scope); a signed-in user also needs the Entra role {operation.EntraRole}.";
        }

        return new GraphRequestException(operation, GraphFailureKind.Rejected, text, inner)
        {
            Status = status,
            Code = code,
            RequestId = requestId,
        };
    }

    private static string? RequestIdOf(ApiException exception) =>
        exception.ResponseHeaders.TryGetValue("request-id", out var values) ? values.FirstOrDefault() : null;

    // The retry handler keeps the last response body only inside its exception text.
    private static (string? Code, string? Message, string? RequestId) ErrorBodyIn(string text)
    {
        var start = text.IndexOf("{\"error\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return (null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text[start..]);
            var error = document.RootElement.GetProperty("error");
            string? Text(JsonElement parent, string name) =>
                parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value.GetString() : null;
            var inner = error.TryGetProperty("innerError", out var innerError) ? innerError : default;
            return (Text(error, "code"), Text(error, "message"), Text(inner, "request-id"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }
}
