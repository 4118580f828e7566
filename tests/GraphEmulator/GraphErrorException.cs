namespace EntraDevices.GraphEmulator;

/// <summary>A request Graph would refuse; the pipeline turns it into a Graph error response.</summary>
internal sealed class GraphErrorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Seconds for a Retry-After header (throttling).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static GraphErrorException TooManyRequests(int seconds) =>
        new(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests.") { RetryAfterSeconds = seconds };

    public static GraphErrorException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "ResourceNotFound", $"{what} was not found.");

    public static GraphErrorException InvalidRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "invalid_request", message);

    public static GraphErrorException BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "Request_BadRequest", message);
}
