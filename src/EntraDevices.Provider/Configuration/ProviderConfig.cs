using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Configuration;

/// <summary>The provider's <c>entradevices:*</c> config keys, each falling back to its environment variable.</summary>
internal static class ProviderConfig
{
    public static readonly string[] SecretKeys = ["clientSecret", "oidcToken", "oidcRequestToken", "accessToken"];

    private static readonly string[] StringKeys =
        ["tenantId", "clientId", "clientSecret", "oidcToken", "oidcTokenFilePath", "oidcRequestUrl", "oidcRequestToken", "accessToken", "environment", "graphEndpoint"];

    /// <summary>Failures for config values of the wrong kind or with values that cannot work; never echoes a secret.</summary>
    public static IReadOnlyList<CheckFailure> Check(ObjectValue args)
    {
        var failures = new List<CheckFailure>();
        foreach (var key in StringKeys)
        {
            if (args.At(key) is { } value && value.Plain is not (StringValue or NullValue or UnknownValue))
            {
                failures.Add(new CheckFailure(key, $"entradevices:{key} must be a string; got {value.KindName}."));
            }
        }

        if (args.At("useOidc")?.Plain is { } oidc && oidc is not (BoolValue or NullValue or UnknownValue)
            && !(oidc is StringValue s && s.Value.ToLowerInvariant() is "true" or "false"))
        {
            failures.Add(new CheckFailure("useOidc", $"entradevices:useOidc must be true or false; got {oidc.KindName}."));
        }

        try
        {
            Settings(args, _ => null);
            if (Text(args, "environment") is { } environment)
            {
                CloudEnvironment.Parse(environment, "entradevices:environment");
            }

            if (Text(args, "graphEndpoint") is { } endpoint)
            {
                SecureEndpoint.Require(endpoint, "entradevices:graphEndpoint");
            }
        }
        catch (ConnectionSettingsException error)
        {
            failures.Add(new CheckFailure(error.Message.Split(' ')[0].Replace("entradevices:", ""), error.Message));
        }

        return failures;
    }

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
        }.WithEnvironmentFallback(environment);

    private static string? Text(ObjectValue args, string key) =>
        args.At(key)?.Plain is StringValue { Value: { Length: > 0 } value } ? value : null;
}
