using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>The permissions a bearer token grants: application <c>roles</c> plus delegated <c>scp</c>.</summary>
internal sealed class AccessToken
{
    private readonly HashSet<string> _permissions;

    private AccessToken(HashSet<string> permissions, string app, bool appOnly, HashSet<string> directoryRoles)
    {
        _permissions = permissions;
        App = app;
        IsAppOnly = appOnly;
        DirectoryRoles = directoryRoles;
    }

    /// <summary>An application's own token (no <c>scp</c>): no person signed in.</summary>
    public bool IsAppOnly { get; }

    /// <summary>The signed-in person's directory role template ids (<c>wids</c>).</summary>
    public IReadOnlySet<string> DirectoryRoles { get; }

    /// <summary>The calling application (<c>appid</c>, else <c>azp</c>), for per-app throttling.</summary>
    public string App { get; }

    public bool GrantsAny(IEnumerable<string> permissions) => permissions.Any(_permissions.Contains);

    /// <summary>Reads the token from an Authorization header, or throws a Graph 401.</summary>
    public static AccessToken FromAuthorizationHeader(string? header)
    {
        var token = BearerToken(header)
            ?? throw new GraphErrorException(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.");
        return TryParse(token)
            ?? throw new GraphErrorException(
                StatusCodes.Status401Unauthorized,
                "InvalidAuthenticationToken",
                "Access token validation failure. Invalid audience.");
    }

    public static string? BearerToken(string? header)
    {
        const string scheme = "Bearer ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static AccessToken? TryParse(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecodeObject(parts[0], out _) || !TryDecodeObject(parts[1], out var payload))
        {
            return null;
        }

        var permissions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (payload["roles"] is JsonArray roles)
        {
            permissions.UnionWith(roles.OfType<JsonValue>()
                .Where(role => role.GetValueKind() == JsonValueKind.String)
                .Select(role => role.GetValue<string>()));
        }

        if (payload["scp"] is JsonValue scopes && scopes.GetValueKind() == JsonValueKind.String)
        {
            permissions.UnionWith(scopes.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        var app = (payload["appid"] ?? payload["azp"]) is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : "";
        var directoryRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (payload["wids"] is JsonArray wids)
        {
            directoryRoles.UnionWith(wids.OfType<JsonValue>().Where(w => w.GetValueKind() == JsonValueKind.String).Select(w => w.GetValue<string>()));
        }

        return new AccessToken(permissions, app, appOnly: payload["scp"] is null, directoryRoles);
    }

    private static bool TryDecodeObject(string part, out JsonObject json)
    {
        json = [];
        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(part)) is JsonObject parsed)
            {
                json = parsed;
                return true;
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
        }

        return false;
    }
}
