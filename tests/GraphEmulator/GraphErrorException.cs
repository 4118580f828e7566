namespace EntraDevices.GraphEmulator;

/// <summary>A request Graph would refuse; the pipeline turns it into a Graph error response.</summary>
internal sealed class GraphErrorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static GraphErrorException InvalidRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "invalid_request", message);

    public static GraphErrorException BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, "Request_BadRequest", message);
}
