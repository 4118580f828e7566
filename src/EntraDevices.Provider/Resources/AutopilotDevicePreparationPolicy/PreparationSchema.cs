using System.Text.Json.Nodes;
using EntraDevices.Graph.DevicePreparationPolicy;
using static EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy.PreparationProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

/// <summary>The resource's part of the package schema: what users see in generated SDKs and docs.</summary>
internal static class PreparationSchema
{
    private const string AppTypeRef = "#/types/entradevices:index:AllowedApp";

    public static JsonObject Resource()
    {
        var inputs = Properties();
        var outputs = Properties();
        outputs[Priority] = Integer("Intune's priority of the policy: when several device preparation policies target a user, the lowest number wins. Set in the admin center.");
        outputs[CreatedDateTime] = String("When Graph created the policy.");
        return new JsonObject
        {
            ["description"] = "A Windows Autopilot device preparation policy, user-driven Microsoft Entra join (Intune admin center: Devices > Enrollment > Windows > "
                + "Device preparation policies), step 6 of Microsoft's device preparation tutorial: the device group devices join during setup, the apps and scripts "
                + "installed before the desktop, and the user groups it is assigned to. Graph beta settings-catalog `deviceManagementConfigurationPolicy` of the "
                + $"template {PreparationSettingsJson.UserDrivenTemplate}. An update sends the whole policy (PUT) with every setting it holds, the undeclared ones as "
                + "the tenant has them; the device group is bound with the enrollment-time membership target action, and Intune's validation failures are errors "
                + "that say what to fix; assignments are replaced by exactly the declared user groups. Binding the device group needs a person's sign-in: Graph "
                + "answers it with a server error for an application. Destroy deletes the policy. Needs the Microsoft Graph permission "
                + "DeviceManagementConfiguration.ReadWrite.All (Entra role Intune Administrator, with the Intune permission Enrollment programs > Enrollment time "
                + "device membership assignment).",
            ["inputProperties"] = inputs,
            ["properties"] = outputs,
            ["requiredInputs"] = new JsonArray(Name),
            ["required"] = new JsonArray(Name, Description, RoleScopeTagIds, AllowedApps, AllowedScripts, UserGroups),
        };
    }

    public static JsonObject Types() => new()
    {
        ["entradevices:index:AllowedApp"] = Object("An app device preparation installs during setup. It must be assigned, required, to the device group (tutorial step 5).", new JsonObject
        {
            [AppId] = String("The app's id in Intune (a GUID)."),
            [AppType] = String($"The app's type: {string.Join(", ", AppTypes.Select(t => $"\"{t}\""))}."),
        }, AppId, AppType),
    };

    private static JsonObject Properties() => new()
    {
        [Name] = String("The policy's name; devices enrolled through it carry it as their enrollment profile name. Also how the provider finds it again if a create's answer is lost."),
        [Description] = String($"Up to {MaxDescription} characters."),
        [RoleScopeTagIds] = Strings("Intune scope tag ids, e.g. [\"0\"] (Default)."),
        [DeploymentMode] = String("\"userDriven\", the only mode of this template."),
        [DeploymentType] = String("\"singleUser\", the only type of this template."),
        [JoinType] = String("\"entraJoined\": Microsoft Entra join, the only join type of device preparation."),
        [UserAccountType] = String("\"standardUser\" (the default) or \"administrator\": whether the person who sets up the device becomes its local administrator."),
        [TimeoutMinutes] = Integer($"Minutes allowed before the installation error is shown, {MinTimeout} to {MaxTimeout}; default 60."),
        [CustomErrorMessage] = String($"The message shown when setup fails, up to {MaxCustomErrorMessage} characters; default \"Contact your organization's support person for help.\""),
        [AllowSkip] = Boolean("Allow the person to skip setup after an installation failure (Continue anyway); default false."),
        [AllowDiagnostics] = Boolean("Show a link to the diagnostics logs on the failure page; default false."),
        [AllowedApps] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["$ref"] = AppTypeRef },
            ["description"] = $"Up to {MaxAllowed} apps installed during setup, before the desktop. Each must be assigned to the device group; an empty list installs none.",
        },
        [AllowedScripts] = Strings($"Up to {MaxAllowed} platform script ids (GUIDs) run during setup. Each must be assigned to the device group."),
        [DeviceGroup] = String("The object id of the device group: an assigned security group owned by the Intune Provisioning Client service principal "
            + $"(appId {DeviceGroupBinding.ProvisioningClientAppId}). Devices join it during setup. Undeclared: not managed."),
        [UserGroups] = Strings("The object ids of the user groups the policy is assigned to: the people who set up devices. Exactly these (drift repaired); undeclared: not managed."),
    };
}
