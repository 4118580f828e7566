using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Configuration;

/// <summary>The provider's <c>entradevices:*</c> config keys, each falling back to its environment variable.</summary>
internal static class ProviderConfig
{
    private static readonly string[] StringKeys =
        ["tenantId", "clientId", "clientSecret", "oidcToken", "oidcTokenFilePath", "oidcRequestUrl", "oidcRequestToken", "accessToken", "environment", "graphEndpoint"];

    /// <summary>
    /// Every config value of the wrong kind or that cannot work, all of them at once; a value the program marked
    /// secret is never echoed, whichever key it is under.
    /// </summary>
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

        if (args.At("requestTimeout")?.Plain is { } timeout && timeout is not (StringValue or NumberValue or NullValue or UnknownValue))
        {
            failures.Add(new CheckFailure("requestTimeout", $"entradevices:requestTimeout must be a number of seconds; got {timeout.KindName}."));
        }

        Judge(failures, args, "environment", value => CloudEnvironment.Parse(value, "entradevices:environment"),
            $"accepted values: {CloudEnvironment.Accepted}");
        Judge(failures, args, "graphEndpoint", value => SecureEndpoint.Require(value, "entradevices:graphEndpoint"),
            "an absolute https URL such as https://graph.microsoft.com (plain http only for loopback addresses)");
        Judge(failures, args, "requestTimeout", value => RequestTimeout.Parse(value, "entradevices:requestTimeout"),
            $"accepted: {RequestTimeout.Accepted}");
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
            RequestTimeout = Text(args, "requestTimeout"),
        }.WithEnvironmentFallback(environment);

    // One key's value through the parser that Configure uses; a secret value is described, never shown.
    private static void Judge(List<CheckFailure> failures, ObjectValue args, string key, Action<string> parse, string accepted)
    {
        if (Text(args, key) is not { } value)
        {
            return;
        }

        try
        {
            parse(value);
        }
        catch (ConnectionSettingsException error)
        {
            failures.Add(new CheckFailure(key, args.At(key)!.IsSecret
                ? $"entradevices:{key} (a secret value, not shown) is not accepted; {accepted}."
                : error.Message));
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
