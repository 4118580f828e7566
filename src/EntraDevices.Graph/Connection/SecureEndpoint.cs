using System.Net;

namespace EntraDevices.Graph.Connection;

/// <summary>Tokens are only ever sent over https, or to this machine (tests).</summary>
public static class SecureEndpoint
{
    public static Uri Require(string value, string settingName)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new ConnectionSettingsException($"{settingName} is not an absolute http(s) URL; expected e.g. https://graph.microsoft.com.");
        }

        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            throw new ConnectionSettingsException(
                $"{settingName} must use https; plain http is accepted only for loopback addresses (127.0.0.1, ::1, localhost), got host '{uri.Host}'.");
        }

        return uri;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
