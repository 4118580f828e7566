using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Configuration;

/// <summary>The provider's <c>entradevices:*</c> config keys, each falling back to its environment variable.</summary>
internal static class ProviderConfig
{
    private static readonly string[] StringKeys =
        ["tenantId", "clientId", "clientSecret", "oidcToken", "oidcTokenFilePath", "oidcRequestUrl", "oidcRequestToken", "accessToken", "environment", "graphEndpoint",
         "signIn", "authorityHost"];

    /// <summary>
    /// Every config value of the wrong kind or that cannot work, all of them at once, and every environment variable
    /// a key falls back to when the key is unset (named as the variable); a value marked secret, or a secret key's
    /// value, is never echoed.
    /// </summary>
    public static IReadOnlyList<CheckFailure> Check(ObjectValue args, Func<string, string?>? environment = null)
    {
        environment ??= _ => null;
        var failures = new List<CheckFailure>();
        foreach (var key in StringKeys)
        {
            if (args.At(key) is { } value && value.Plain is not (StringValue or NullValue or UnknownValue))
            {
                failures.Add(new CheckFailure(key, $"entradevices:{key} must be a string; got {value.KindName}."));
            }
        }

        if (args.At("useOidc")?.Plain is { } oidc && oidc is not (BoolValue or StringValue or NullValue or UnknownValue))
        {
            failures.Add(new CheckFailure("useOidc", $"entradevices:useOidc must be true or false; got {oidc.KindName}."));
        }

        if (args.At("requestTimeout")?.Plain is { } timeout && timeout is not (StringValue or NumberValue or NullValue or UnknownValue))
        {
            failures.Add(new CheckFailure("requestTimeout", $"entradevices:requestTimeout must be a number of seconds; got {timeout.KindName}."));
        }

        foreach (var (key, judge, accepted) in Judges)
        {
            Judge(failures, args, environment, key, judge, accepted);
        }

        foreach (var key in args.Properties.Keys.Where(key => !IsKnown(key)).Order(StringComparer.Ordinal))
        {
            var hint = ClosestKey.To(key, ConnectionSettings.EnvironmentVariables.Keys) is { } closest ? $" Did you mean entradevices:{closest}?" : "";
            failures.Add(new CheckFailure(key, $"entradevices:{key} is not a setting of this provider.{hint} "
                + $"Accepted keys: {string.Join(", ", ConnectionSettings.EnvironmentVariables.Keys)}."));
        }

        return failures;
    }

    // The provider's own keys, and those the engine and SDKs add to every provider's inputs (the plugin's version and
    // download URL, and the engine's internal keys).
    private static bool IsKnown(string key) =>
        ConnectionSettings.EnvironmentVariables.ContainsKey(key) || key is "version" or "pluginDownloadURL" || key.StartsWith("__", StringComparison.Ordinal);

    // Each key whose value can be wrong, the parser Configure uses on it, and what is accepted.
    private static readonly (string Key, Action<string, string> Parse, string Accepted)[] Judges =
    [
        ("environment", (value, name) => CloudEnvironment.Parse(value, name), $"accepted values: {CloudEnvironment.Accepted}"),
        ("graphEndpoint", (value, name) => SecureEndpoint.Require(value, name),
            "an absolute https URL such as https://graph.microsoft.com (plain http only for loopback addresses)"),
        ("requestTimeout", (value, name) => RequestTimeout.Parse(value, name), $"accepted: {RequestTimeout.Accepted}"),
        ("useOidc", (value, name) => ConnectionSettings.ParseBool(value, name), "accepted values: true, false"),
        ("tenantId", (value, name) => Identifiers.Tenant(value, name), Identifiers.TenantAccepted),
        ("clientId", (value, name) => Identifiers.Client(value, name), Identifiers.ClientAccepted),
        ("signIn", (value, name) => ConnectionSettings.ParseSignIn(value, name), "accepted values: deviceCode (a person signs in with a code, using the app registration clientId)"),
        ("authorityHost", (value, name) => SecureEndpoint.Require(value, name), "an https URL of the sign-in host (only for tests: the cloud's host comes from environment)"),
        ("oidcRequestUrl", (value, name) => SecureEndpoint.Require(value, name),
            "an absolute https URL (in GitHub Actions, ACTIONS_ID_TOKEN_REQUEST_URL is set for jobs with 'permissions: id-token: write')"),
    ];

    public static ConnectionSettings Settings(ObjectValue args, Func<string, string?> environment) =>
        new ConnectionSettings
        {
            TenantId = Text(args, "tenantId"),
            ClientId = Text(args, "clientId"),
            ClientSecret = Text(args, "clientSecret"),
            UseOidc = args.At("useOidc")?.Plain switch
            {
                BoolValue b => b.Value,
                StringValue s => s.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
                _ => null,
            },
            OidcToken = Text(args, "oidcToken"),
            OidcTokenFilePath = Text(args, "oidcTokenFilePath"),
            OidcRequestUrl = Text(args, "oidcRequestUrl"),
            OidcRequestToken = Text(args, "oidcRequestToken"),
            AccessToken = Text(args, "accessToken"),
            Environment = Text(args, "environment"),
            GraphEndpoint = Text(args, "graphEndpoint"),
            RequestTimeout = Text(args, "requestTimeout"),
            SignIn = Text(args, "signIn"),
            AuthorityHost = Text(args, "authorityHost"),
        }.WithEnvironmentFallback(environment);

    // One key's value through the parser that Configure uses, or, when the key is unset, its environment variable's.
    private static void Judge(List<CheckFailure> failures, ObjectValue args, Func<string, string?> environment, string key, Action<string, string> parse, string accepted)
    {
        if (args.At(key)?.Plain is UnknownValue)
        {
            return;
        }

        var (value, name, secret) = Text(args, key) is { } configured
            ? (configured, $"entradevices:{key}", args.At(key)!.IsSecret)
            : ConnectionSettings.EnvironmentVariables[key].Select(variable => (Value: environment(variable), Variable: variable))
                .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.Value)) is { Value: { } fromEnvironment } found
                ? (fromEnvironment, found.Variable, false)
                : (null, "", false);
        if (value is null)
        {
            return;
        }

        try
        {
            parse(value, name);
        }
        catch (ConnectionSettingsException error)
        {
            failures.Add(new CheckFailure(key, secret ? $"{name} (a secret value, not shown) is not accepted; {accepted}." : error.Message));
        }
    }

    // Pulumi config may arrive as a string or, for numbers, as a number.
    private static string? Text(ObjectValue args, string key) => args.At(key)?.Plain switch
    {
        StringValue { Value: { Length: > 0 } value } => value,
        NumberValue { Value: var number } => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
