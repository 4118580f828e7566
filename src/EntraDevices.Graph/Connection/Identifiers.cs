using System.Text.RegularExpressions;

namespace EntraDevices.Graph.Connection;

/// <summary>The shapes Entra accepts for a tenant (a GUID or a verified domain) and an application (a GUID).</summary>
public static partial class Identifiers
{
    public const string TenantAccepted = "a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com";
    public const string ClientAccepted = "an application (client) id: a GUID";

    public static string Tenant(string value, string settingName) =>
        Guid.TryParseExact(value.Trim(), "D", out _) || Domain().IsMatch(value.Trim())
            ? value.Trim()
            : throw new ConnectionSettingsException($"{settingName} is '{value}'; accepted: {TenantAccepted}.");

    public static string Client(string value, string settingName) =>
        Guid.TryParseExact(value.Trim(), "D", out _)
            ? value.Trim()
            : throw new ConnectionSettingsException($"{settingName} is '{value}'; accepted: {ClientAccepted}.");

    [GeneratedRegex(@"^(?=.{4,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex Domain();
}
