namespace EntraDevices.Graph.Transport;

/// <summary>
/// A call on an Intune object: reads need the family's <c>.Read.All</c> permission, writes its <c>.ReadWrite.All</c>, so
/// a refusal names what that call lacked. The family is DeviceManagementServiceConfig (Autopilot profiles and devices,
/// enrollment configurations, corporate identifiers) unless the object is of another (configuration policies, apps).
/// </summary>
public static class IntuneOperation
{
    public const string ServiceConfig = "DeviceManagementServiceConfig";
    public const string Configuration = "DeviceManagementConfiguration";
    public const string Apps = "DeviceManagementApps";

    /// <param name="apiVersion">Beta unless Graph has the call in v1.0 (Autopilot devices).</param>
    /// <param name="family">The permission family of the object the call reads or writes.</param>
    public static GraphOperation For(string method, string path, string action, string apiVersion = "beta", string family = ServiceConfig) => method == "GET"
        ? new(method, $"/{path}", action, $"{family}.Read.All", "Intune Administrator (or Global Reader)") { ApiVersion = apiVersion }
        : new(method, $"/{path}", action, $"{family}.ReadWrite.All", "Intune Administrator") { ApiVersion = apiVersion };
}
