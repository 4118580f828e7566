using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// The Microsoft identity platform's device code flow on the emulator's host (<c>/{tenant}/oauth2/v2.0/devicecode</c>
/// and <c>/token</c>): a code to show the person, "authorization_pending" until they have signed in, then a delegated
/// access token with an id_token and client_info, as the sign-in library expects. Refresh tokens are honoured.
/// </summary>
internal sealed class SignInEndpoints(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, int> _pending = new();
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>"devicecode" and "token:&lt;grant&gt;" for every sign-in request, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>True for the sign-in paths this class serves: <c>/{tenant}/oauth2/v2.0/devicecode</c> and <c>/token</c>.</summary>
    public static bool Serves(HttpContext context) => Route(context.Request.Path.Value) is not null;

    public async Task InvokeAsync(HttpContext context)
    {
        var (tenant, endpoint) = Route(context.Request.Path.Value)!.Value;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var answer = endpoint == "devicecode" ? DeviceCode() : Token(tenant, form, $"{context.Request.Scheme}://{context.Request.Host}");
        await answer.ExecuteAsync(context);
    }

    private static (string Tenant, string Endpoint)? Route(string? path)
    {
        var parts = (path ?? "").Trim('/').Split('/');
        return parts is [var tenant, "oauth2", "v2.0", var endpoint and ("devicecode" or "token")] ? (tenant, endpoint) : null;
    }

    private IResult DeviceCode()
    {
        _requests.Enqueue("devicecode");
        var deviceCode = Guid.NewGuid().ToString("N");
        var userCode = deviceCode[..8].ToUpperInvariant();
        _pending[deviceCode] = options.DeviceCodePendingPolls;
        return Results.Json(new JsonObject
        {
            ["user_code"] = userCode,
            ["device_code"] = deviceCode,
            ["verification_uri"] = "https://microsoft.com/devicelogin",
            ["expires_in"] = 900,
            ["interval"] = 1,
            ["message"] = $"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code {userCode} to authenticate.",
        });
    }

    private IResult Token(string tenant, IFormCollection? form, string issuerHost)
    {
        var grant = form?["grant_type"].ToString() ?? "";
        _requests.Enqueue($"token:{grant}");
        if (grant.EndsWith("device_code", StringComparison.Ordinal))
        {
            var code = form!["device_code"].ToString();
            if (!_pending.TryGetValue(code, out var remaining))
            {
                return Error("expired_token", "The device code has expired or is unknown.");
            }

            if (remaining > 0)
            {
                _pending[code] = remaining - 1;
                return Error("authorization_pending", "The user has not yet completed sign-in.");
            }

            _pending.TryRemove(code, out _);
        }
        else if (grant != "refresh_token")
        {
            return Error("unsupported_grant_type", $"The emulator serves the device code flow only, not '{grant}'.");
        }

        return Results.Json(Tokens(tenant, form!["client_id"].ToString(), issuerHost));
    }

    private JsonObject Tokens(string tenant, string clientId, string issuerHost)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var user = "5f8b2d1e-7c3a-4e9b-a1d2-3c4b5a6d7e8f";
        var idToken = TestTokens.Unsigned(new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = $"{issuerHost}/{tenant}/v2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["oid"] = user,
            ["sub"] = user,
            ["tid"] = tenant,
            ["preferred_username"] = "admin@contoso.example",
            ["name"] = "Emulated admin",
            ["ver"] = "2.0",
        });
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', options.DelegatedScopes),
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = TestTokens.WithScopes([.. options.DelegatedScopes]),
            ["refresh_token"] = Guid.NewGuid().ToString("N"),
            ["id_token"] = idToken,
            ["client_info"] = TestTokens.Encode(new JsonObject { ["uid"] = user, ["utid"] = tenant }),
        };
    }

    private static IResult Error(string code, string description) =>
        Results.Json(new JsonObject { ["error"] = code, ["error_description"] = description, ["error_codes"] = new JsonArray(70016) }, statusCode: 400);
}
