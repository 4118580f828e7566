using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// The Graph paths the emulator serves, under both <c>/v1.0</c> and <c>/beta</c>, with the permissions
/// each operation needs. Checks run in Graph's order: token, path, method, permission, body.
/// </summary>
internal sealed class GraphRoutes
{
    private static readonly string[] Versions = ["v1.0", "beta"];

    private readonly Dictionary<string, Dictionary<string, Operation>> _routes;

    public GraphRoutes(EmulatedTenant tenant)
    {
        _routes = new Dictionary<string, Dictionary<string, Operation>>(StringComparer.OrdinalIgnoreCase)
        {
            ["policies/deviceRegistrationPolicy"] = Methods(
                ("GET", new Operation(
                    ["Policy.Read.DeviceConfiguration", "Policy.ReadWrite.DeviceConfiguration", "Policy.Read.All"],
                    (version, _) => Ok(DeviceRegistrationPolicyDocument.AsResponse(tenant.DeviceRegistrationPolicy, version)))),
                ("PUT", new Operation(
                    ["Policy.ReadWrite.DeviceConfiguration"],
                    (version, body) =>
                    {
                        var stored = tenant.PutDeviceRegistrationPolicy(DeviceRegistrationPolicyBody.Parse(body));
                        return Ok(DeviceRegistrationPolicyDocument.AsResponse(stored, version));
                    }))),
            ["policies/authorizationPolicy"] = Methods(
                ("GET", new Operation(
                    ["Policy.Read.All", "Policy.ReadWrite.Authorization"],
                    (version, _) => Ok(AuthorizationPolicyDocument.AsResponse(tenant.AuthorizationPolicy, version)))),
                ("PATCH", new Operation(
                    ["Policy.ReadWrite.Authorization"],
                    (_, body) =>
                    {
                        tenant.PatchAuthorizationPolicy(AuthorizationPolicyDocument.ParsePatch(body));
                        return new GraphResponse(StatusCodes.Status204NoContent, null);
                    }))),
        };
    }

    /// <summary>Answers a request, or throws <see cref="GraphErrorException"/> for a Graph error.</summary>
    public GraphResponse Handle(string method, string path, string? authorization, string? body)
    {
        var token = AccessToken.FromAuthorizationHeader(authorization);
        var (version, resource) = Split(path);
        if (version is null || !_routes.TryGetValue(resource, out var methods))
        {
            throw new GraphErrorException(
                StatusCodes.Status404NotFound,
                "Request_ResourceNotFound",
                $"Resource not found for the segment '{resource.Split('/')[^1]}'.");
        }

        if (!methods.TryGetValue(method, out var operation))
        {
            throw new GraphErrorException(
                StatusCodes.Status405MethodNotAllowed,
                "Request_BadRequest",
                "Specified HTTP method is not allowed for the request target.");
        }

        if (!token.GrantsAny(operation.Permissions))
        {
            throw new GraphErrorException(
                StatusCodes.Status403Forbidden,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.");
        }

        return operation.Handle(version, body);
    }

    /// <summary>The methods a path allows, for the Allow header of a 405.</summary>
    public IEnumerable<string> AllowedMethods(string path) =>
        _routes.TryGetValue(Split(path).Resource, out var methods) ? methods.Keys : [];

    private static (string? Version, string Resource) Split(string path)
    {
        var trimmed = path.Trim('/');
        var slash = trimmed.IndexOf('/');
        var first = slash < 0 ? trimmed : trimmed[..slash];
        var version = Versions.FirstOrDefault(known => string.Equals(known, first, StringComparison.OrdinalIgnoreCase));
        return (version, slash < 0 ? "" : trimmed[(slash + 1)..]);
    }

    private static GraphResponse Ok(JsonObject body) => new(StatusCodes.Status200OK, body);

    private static Dictionary<string, Operation> Methods(params (string Method, Operation Operation)[] operations) =>
        operations.ToDictionary(entry => entry.Method, entry => entry.Operation, StringComparer.OrdinalIgnoreCase);

    private sealed record Operation(string[] Permissions, Func<string, string?, GraphResponse> Handle);
}
