namespace EntraDevices.Graph.Transport;

/// <summary>
/// A beta call on an Intune service configuration (Autopilot profiles, enrollment configurations): reads need
/// DeviceManagementServiceConfig.Read.All, writes ….ReadWrite.All, so a refusal names what that call lacked.
/// </summary>
public static class IntuneOperation
{
    public static GraphOperation For(string method, string path, string action) => method == "GET"
        ? new(method, $"/{path}", action, "DeviceManagementServiceConfig.Read.All", "Intune Administrator (or Global Reader)") { ApiVersion = "beta" }
        : new(method, $"/{path}", action, "DeviceManagementServiceConfig.ReadWrite.All", "Intune Administrator") { ApiVersion = "beta" };
}
