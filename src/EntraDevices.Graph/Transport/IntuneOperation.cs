namespace EntraDevices.Graph.Transport;

/// <summary>
/// A call on an Intune service configuration (Autopilot profiles and devices, enrollment configurations): reads need
/// DeviceManagementServiceConfig.Read.All, writes ….ReadWrite.All, so a refusal names what that call lacked.
/// </summary>
public static class IntuneOperation
{
    /// <param name="apiVersion">Beta unless Graph has the call in v1.0 (Autopilot devices).</param>
    public static GraphOperation For(string method, string path, string action, string apiVersion = "beta") => method == "GET"
        ? new(method, $"/{path}", action, "DeviceManagementServiceConfig.Read.All", "Intune Administrator (or Global Reader)") { ApiVersion = apiVersion }
        : new(method, $"/{path}", action, "DeviceManagementServiceConfig.ReadWrite.All", "Intune Administrator") { ApiVersion = apiVersion };
}
