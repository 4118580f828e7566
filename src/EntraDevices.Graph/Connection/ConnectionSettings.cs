namespace EntraDevices.Graph.Connection;

/// <summary>
/// How to reach Graph and sign in. Every field is optional; unset fields fall back to the ARM_* environment
/// variables that pulumi-azuread reads, so one set of pipeline secrets serves both providers.
/// </summary>
public sealed record ConnectionSettings
{
    public string? TenantId { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public bool? UseOidc { get; init; }
    public string? OidcToken { get; init; }
    public string? OidcTokenFilePath { get; init; }
    public string? OidcRequestUrl { get; init; }
    public string? OidcRequestToken { get; init; }
    public string? AccessToken { get; init; }
    public string? Environment { get; init; }
    public string? GraphEndpoint { get; init; }

    /// <summary>"deviceCode": a person signs in (delegated permissions) with the app registration <see cref="ClientId"/>.</summary>
    public string? SignIn { get; init; }

    /// <summary>
    /// Set when this run is a pipeline, where nobody can enter a device code: the variable that says so (<c>CI=true</c>,
    /// <c>GITHUB_ACTIONS=true</c>, <c>TF_BUILD=True</c>), else null. Read from the environment only.
    /// </summary>
    public string? Pipeline { get; init; }

    /// <summary>The variables pipelines set, GitHub Actions' and Azure Pipelines' among them: any of them, not "false" or "0".</summary>
    public static IReadOnlyList<string> PipelineVariables { get; } = ["CI", "GITHUB_ACTIONS", "TF_BUILD"];

    /// <summary>Override of the sign-in host (tests; national clouds come from <see cref="Environment"/>).</summary>
    public string? AuthorityHost { get; init; }

    /// <summary>Seconds one Graph call may take (see <see cref="Connection.RequestTimeout"/>).</summary>
    public string? RequestTimeout { get; init; }

    /// <summary>The values that must never appear in any output.</summary>
    public IEnumerable<string> Secrets => new[] { ClientSecret, OidcToken, OidcRequestToken, AccessToken }.OfType<string>();

    /// <summary>The variable each field falls back to, in the provider's config-key spelling.</summary>
    public static IReadOnlyDictionary<string, string[]> EnvironmentVariables { get; } = new Dictionary<string, string[]>
    {
        // This provider's own variables first: a person sets them in their shell for a device-code sign-in without
        // changing what pulumi-azuread, which reads ARM_*, signs in with.
        ["tenantId"] = ["ENTRADEVICES_TENANT_ID", "ARM_TENANT_ID"],
        ["clientId"] = ["ENTRADEVICES_CLIENT_ID", "ARM_CLIENT_ID"],
        ["clientSecret"] = ["ARM_CLIENT_SECRET"],
        ["useOidc"] = ["ARM_USE_OIDC"],
        ["oidcToken"] = ["ARM_OIDC_TOKEN"],
        ["oidcTokenFilePath"] = ["ARM_OIDC_TOKEN_FILE_PATH"],
        ["oidcRequestUrl"] = ["ARM_OIDC_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_URL"],
        ["oidcRequestToken"] = ["ARM_OIDC_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"],
        ["accessToken"] = ["ENTRADEVICES_ACCESS_TOKEN"],
        ["environment"] = ["ARM_ENVIRONMENT"],
        ["graphEndpoint"] = ["ENTRADEVICES_GRAPH_ENDPOINT"],
        ["requestTimeout"] = ["ENTRADEVICES_REQUEST_TIMEOUT"],
        ["signIn"] = ["ENTRADEVICES_SIGN_IN"],
        ["authorityHost"] = ["ENTRADEVICES_AUTHORITY_HOST"],
    };

    /// <summary>Fills every unset field from the environment.</summary>
    public ConnectionSettings WithEnvironmentFallback(Func<string, string?> variable)
    {
        string? From(string key) => EnvironmentVariables[key]
            .Select(variable)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

        return new ConnectionSettings
        {
            TenantId = TenantId ?? From("tenantId"),
            ClientId = ClientId ?? From("clientId"),
            ClientSecret = ClientSecret ?? From("clientSecret"),
            UseOidc = UseOidc ?? ParseBool(From("useOidc"), "ARM_USE_OIDC"),
            OidcToken = OidcToken ?? From("oidcToken"),
            OidcTokenFilePath = OidcTokenFilePath ?? From("oidcTokenFilePath"),
            OidcRequestUrl = OidcRequestUrl ?? From("oidcRequestUrl"),
            OidcRequestToken = OidcRequestToken ?? From("oidcRequestToken"),
            AccessToken = AccessToken ?? From("accessToken"),
            Environment = Environment ?? From("environment"),
            GraphEndpoint = GraphEndpoint ?? From("graphEndpoint"),
            RequestTimeout = RequestTimeout ?? From("requestTimeout"),
            SignIn = SignIn ?? From("signIn"),
            AuthorityHost = AuthorityHost ?? From("authorityHost"),
            Pipeline = Pipeline ?? PipelineVariables
                .Select(name => (name, value: variable(name)?.Trim()))
                .Where(pair => !string.IsNullOrEmpty(pair.value) && pair.value is not ("false" or "False" or "0"))
                .Select(pair => $"{pair.name}={pair.value}")
                .FirstOrDefault(),
        };
    }

    // Secrets stay out of logs and snapshots even if the record is printed.
    public override string ToString() =>
        $"ConnectionSettings {{ TenantId = {TenantId}, ClientId = {ClientId}, ClientSecret = {Mask(ClientSecret)}, UseOidc = {UseOidc}, "
        + $"OidcToken = {Mask(OidcToken)}, OidcTokenFilePath = {OidcTokenFilePath}, OidcRequestUrl = {OidcRequestUrl}, "
        + $"OidcRequestToken = {Mask(OidcRequestToken)}, AccessToken = {Mask(AccessToken)}, Environment = {Environment}, GraphEndpoint = {GraphEndpoint}, RequestTimeout = {RequestTimeout}, SignIn = {SignIn}, AuthorityHost = {AuthorityHost} }}";

    /// <summary>The kinds of person sign-in <see cref="SignIn"/> accepts: only the device code flow.</summary>
    public static void ParseSignIn(string value, string settingName)
    {
        if (!string.Equals(value.Trim(), "deviceCode", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectionSettingsException($"{settingName} is '{value}'; accepted values: deviceCode.");
        }
    }

    public static bool? ParseBool(string? value, string settingName) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new ConnectionSettingsException($"{settingName} is '{value}'; accepted values: true, false."),
        };

    private static string Mask(string? secret) => secret is null ? "(unset)" : "(secret)";
}
