using System.Buffers.Text;
using System.Text.Json;

namespace EntraDevices.Graph.Connection;

/// <summary>Who Graph will see behind the credential: some Graph policies accept only a signed-in person.</summary>
public enum SignedInAs
{
    /// <summary>Not known from the configuration, nor from the token (not a JWT this code can read).</summary>
    Unknown,

    /// <summary>A delegated token: a person signed in (device code, Azure CLI, a person's access token).</summary>
    Person,

    /// <summary>An app-only token: a client secret, an OIDC federated token, a managed identity.</summary>
    Application,
}

/// <summary>Reads who a Graph access token stands for from its claims; the token's signature is Graph's business.</summary>
public static class TokenIdentity
{
    /// <summary>
    /// A delegated token carries the person's scopes in <c>scp</c>; an app-only one carries application permissions in
    /// <c>roles</c> and no <c>scp</c>, and Entra marks it <c>idtyp: app</c>.
    /// </summary>
    public static SignedInAs Of(string token)
    {
        var parts = token.Split('.');
        if (parts.Length < 2 || !Base64Url.IsValid(parts[1]))
        {
            return SignedInAs.Unknown;
        }

        try
        {
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = claims.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return SignedInAs.Unknown;
            }

            if (root.TryGetProperty("scp", out _))
            {
                return SignedInAs.Person;
            }

            var app = root.TryGetProperty("idtyp", out var idtyp) && idtyp.ValueKind == JsonValueKind.String && idtyp.GetString() == "app";
            return app || root.TryGetProperty("roles", out _) ? SignedInAs.Application : SignedInAs.Unknown;
        }
        catch (JsonException)
        {
            return SignedInAs.Unknown;
        }
    }
}
