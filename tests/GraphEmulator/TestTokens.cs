using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>Unsigned JWTs (alg "none") carrying Graph permissions, for calling the emulator.</summary>
public static class TestTokens
{
    private const string TenantId = "00000000-0000-0000-0000-0000000000aa";

    /// <summary>An app-only token whose <c>roles</c> claim holds the given application permissions.</summary>
    public static string WithRoles(params string[] roles) =>
        Create(new JsonObject { ["roles"] = Strings(roles) });

    /// <summary>A delegated token whose <c>scp</c> claim holds the given scopes, space-separated.</summary>
    public static string WithScopes(params string[] scopes) =>
        Create(new JsonObject { ["scp"] = string.Join(' ', scopes) });

    /// <summary>A delegated token with scopes and the signed-in user's directory role template ids (<c>wids</c>).</summary>
    public static string WithScopesAndDirectoryRoles(IEnumerable<string> scopes, IEnumerable<string> roleTemplateIds) =>
        Create(new JsonObject { ["scp"] = string.Join(' ', scopes), ["wids"] = Strings(roleTemplateIds) });

    private static string Create(JsonObject claims)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["aud"] = "https://graph.microsoft.com",
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["tid"] = TenantId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        };
        foreach (var (name, value) in claims)
        {
            payload[name] = value?.DeepClone();
        }

        return Unsigned(payload);
    }

    /// <summary>An unsecured JWT with exactly these claims (RFC 7519 §6.1: the signature part is empty).</summary>
    internal static string Unsigned(JsonObject claims) => $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{Encode(claims)}.";

    /// <summary>base64url of the JSON text, as JWT parts and Entra's client_info are written.</summary>
    internal static string Encode(JsonObject json) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
