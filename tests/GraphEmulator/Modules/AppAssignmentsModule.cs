using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// The assignments of Intune apps and platform scripts, read only (graph-device-preparation.md §1 step 5, §2.4): what
/// device preparation needs of its allowed apps and scripts is that each is assigned to the device group. Apps live
/// in <c>deviceAppManagement/mobileApps</c> with their assignments (<c>target</c>, <c>intent</c>) under
/// <c>mobileAppAssignments</c> keyed by <c>appId</c>; scripts in <c>deviceManagement/deviceManagementScripts</c>, with
/// <c>scriptAssignments</c> keyed by <c>scriptId</c>. Tests seed them; an unknown app or script answers 404.
/// </summary>
internal sealed class AppAssignmentsModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string Apps = "deviceAppManagement/mobileApps";
    public const string Scripts = "deviceManagement/deviceManagementScripts";
    public const string AppAssignments = "mobileAppAssignments";
    public const string ScriptAssignments = "scriptAssignments";

    private static readonly string[] ReadApps = ["DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"];
    private static readonly string[] ReadScripts = ["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"];

    public void Register(RouteTable routes)
    {
        Assignments(routes, Apps, AppAssignments, "appId", ReadApps, "Mobile app");
        Assignments(routes, Scripts, ScriptAssignments, "scriptId", ReadScripts, "Device management script");
    }

    private void Assignments(RouteTable routes, string path, string assignments, string owner, string[] permissions, string what) =>
        routes.Add($"{path}/{{id}}/assignments", "GET", permissions, request =>
        {
            tenant.RequireIntuneLicence();
            _ = tenant.Collection(path).Get(request["id"]) ?? throw GraphErrorException.NotFound($"{what} {request["id"]}");
            var found = tenant.Collection(assignments).List()
                .Where(a => string.Equals((string?)a[owner], request["id"], StringComparison.OrdinalIgnoreCase))
                .Select(a => (JsonObject)a.DeepClone())
                .ToList();
            return GraphResponse.Ok(Paging.Page(found, request, $"{path}/{request["id"]}/assignments", tenant.PageSize));
        }, RouteTable.BetaOnly);
}
