namespace EntraDevices.GraphEmulator;

/// <summary>What a route's handler gets: the API version, the path's captured values, the body and the query.</summary>
internal sealed record RouteRequest(
    string Method, string Version, IReadOnlyDictionary<string, string> Values, string? Body, IReadOnlyDictionary<string, string> Query, string BaseUrl,
    string App, AccessToken Token)
{
    public string this[string name] => Values[name];

    /// <summary>The request's body as a JSON object; Graph answers 400 to anything else.</summary>
    public System.Text.Json.Nodes.JsonObject JsonBody() =>
        (Body is null ? null : System.Text.Json.Nodes.JsonNode.Parse(Body) as System.Text.Json.Nodes.JsonObject)
        ?? throw GraphErrorException.BadRequest("A JSON object body is required.");
}

/// <summary>
/// The Graph paths the emulator serves. Each module registers its own (templates such as
/// <c>deviceManagement/windowsAutopilotDeploymentProfiles/{id}</c>, per API version, with the permissions each
/// method needs); nobody edits a central table to add one. Checks run in Graph's order: token, path, method,
/// permission, then the handler (body).
/// </summary>
internal sealed class RouteTable
{
    public static readonly string[] BothVersions = ["v1.0", "beta"];
    public static readonly string[] BetaOnly = ["beta"];

    private readonly List<Route> _routes = [];

    public void Add(string template, string method, string[] permissions, Func<RouteRequest, GraphResponse> handler, string[]? versions = null,
        bool delegatedOnly = false) =>
        _routes.Add(new Route(template.Trim('/').Split('/'), method.ToUpperInvariant(), permissions, handler, versions ?? BothVersions, delegatedOnly));

    /// <summary>Answers a request, or throws <see cref="GraphErrorException"/> for a Graph error.</summary>
    public GraphResponse Handle(string method, string path, string? authorization, string? body, IReadOnlyDictionary<string, string> query, string baseUrl)
    {
        var token = AccessToken.FromAuthorizationHeader(authorization);
        var (version, segments) = Split(path);
        var candidates = version is null ? [] : Candidates(version, segments);
        if (candidates.Count == 0)
        {
            throw new GraphErrorException(StatusCodes.Status404NotFound, "Request_ResourceNotFound",
                $"Resource not found for the segment '{segments.LastOrDefault() ?? ""}'.");
        }

        var chosen = candidates.FirstOrDefault(m => m.Route.Method == method.ToUpperInvariant());
        if (chosen.Route is null)
        {
            throw new GraphErrorException(StatusCodes.Status405MethodNotAllowed, "Request_BadRequest",
                "Specified HTTP method is not allowed for the request target.");
        }

        if (chosen.Route.DelegatedOnly && token.IsAppOnly)
        {
            // Graph offers no application permission here; an app's own token is refused before any permission check.
            throw new GraphErrorException(StatusCodes.Status401Unauthorized, "UnknownError", "Unsupported app-only call.");
        }

        if (!token.GrantsAny(chosen.Route.Permissions))
        {
            throw new GraphErrorException(StatusCodes.Status403Forbidden, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.");
        }

        return chosen.Route.Handler(new RouteRequest(method.ToUpperInvariant(), version!, chosen.Values!, body, query, baseUrl, token.App, token));
    }

    /// <summary>The methods a path allows, for the Allow header of a 405: those of the routes <see cref="Handle"/> chooses among.</summary>
    public IEnumerable<string> AllowedMethods(string path)
    {
        var (version, segments) = Split(path);
        return version is null ? [] : Candidates(version, segments).Select(m => m.Route.Method).Distinct();
    }

    /// <summary>
    /// The routes that answer a path. The most literal template wins: ".../{id}/assign" over ".../{id}/{relation}",
    /// ".../windowsAutopilotDeviceIdentities/deleteDevices" over ".../windowsAutopilotDeviceIdentities/{id}".
    /// </summary>
    private List<(Route Route, Dictionary<string, string>? Values)> Candidates(string version, string[] segments)
    {
        var matches = _routes.Select(route => (Route: route, Values: route.Match(version, segments))).Where(m => m.Values is not null).ToList();
        if (matches.Count == 0)
        {
            return matches;
        }

        var best = matches.Max(m => m.Route.Literals);
        return [.. matches.Where(m => m.Route.Literals == best)];
    }

    private static (string? Version, string[] Segments) Split(string path)
    {
        var parts = path.Trim('/').Split('/');
        var version = BothVersions.FirstOrDefault(known => string.Equals(known, parts[0], StringComparison.OrdinalIgnoreCase));
        return (version, parts[1..]);
    }

    private sealed record Route(string[] Template, string Method, string[] Permissions, Func<RouteRequest, GraphResponse> Handler, string[] Versions, bool DelegatedOnly)
    {
        public int Literals => Template.Count(segment => !segment.StartsWith('{'));

        public Dictionary<string, string>? Match(string version, string[] segments)
        {
            if (!Versions.Contains(version) || segments.Length != Template.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>();
            for (var i = 0; i < segments.Length; i++)
            {
                if (Template[i].StartsWith('{'))
                {
                    values[Template[i].Trim('{', '}')] = Uri.UnescapeDataString(segments[i]);
                }
                else if (!string.Equals(Template[i], segments[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return values;
        }
    }
}
