using System.Net.Http.Headers;
using System.Text.Json;

namespace EntraDevices.Graph.Connection;

/// <summary>Where an OIDC federated token comes from: the token itself, a file, or GitHub Actions' token endpoint.</summary>
internal sealed class FederatedToken(ConnectionSettings settings, HttpClient http)
{
    public const string Audience = "api://AzureADTokenExchange";

    public static bool IsConfigured(ConnectionSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.OidcToken)
        || !string.IsNullOrWhiteSpace(settings.OidcTokenFilePath)
        || (!string.IsNullOrWhiteSpace(settings.OidcRequestUrl) && !string.IsNullOrWhiteSpace(settings.OidcRequestToken));

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(settings.OidcToken))
        {
            return settings.OidcToken.Trim();
        }

        if (!string.IsNullOrWhiteSpace(settings.OidcTokenFilePath))
        {
            // Read on every call: platforms rotate the file.
            return (await File.ReadAllTextAsync(settings.OidcTokenFilePath, cancellationToken)).Trim();
        }

        return await RequestFromGitHubAsync(cancellationToken);
    }

    private async Task<string> RequestFromGitHubAsync(CancellationToken cancellationToken)
    {
        var url = SecureEndpoint.Require(settings.OidcRequestUrl!, "oidcRequestUrl (ARM_OIDC_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_URL)");
        var separator = url.Query.Length > 0 ? "&" : "?";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}{separator}audience={Uri.EscapeDataString(Audience)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.OidcRequestToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectionSettingsException(
                $"The OIDC token request to {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}; "
                + "in GitHub Actions the job needs 'permissions: id-token: write'.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.TryGetProperty("value", out var value) && value.GetString() is { Length: > 0 } token
            ? token
            : throw new ConnectionSettingsException(
                $"The OIDC token request to {url.GetLeftPart(UriPartial.Path)} returned no 'value'.");
    }
}
