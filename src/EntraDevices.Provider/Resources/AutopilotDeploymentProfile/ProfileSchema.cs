using System.Text.Json.Nodes;
using static EntraDevices.Provider.Resources.AutopilotDeploymentProfile.ProfileProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>The resource's part of the package schema: what users see in generated SDKs and docs.</summary>
internal static class ProfileSchema
{
    private const string OobeType = "#/types/entradevices:index:OutOfBoxExperienceSetting";
    private const string TargetsType = "#/types/entradevices:index:ProfileAssignments";

    public static JsonObject Resource()
    {
        var inputs = Properties();
        var outputs = Properties();
        outputs[CreatedDateTime] = String("When Graph created the profile.");
        return new JsonObject
        {
            ["description"] = "A Windows Autopilot deployment profile for user-driven Microsoft Entra join (Intune admin center: Devices > Enrollment > Windows > Deployment profiles), "
                + "step 6 of the Autopilot journey, with its assignments: what the person sees at first start. Graph beta `azureADWindowsAutopilotDeploymentProfile`. "
                + "Created by the stack; a change of deviceType (create-only) replaces it; assignments are reconciled to exactly what is declared; destroy removes the assignments, then the profile. "
                + "Needs the Microsoft Graph permission DeviceManagementServiceConfig.ReadWrite.All (Entra role Intune Administrator for a signed-in user).",
            ["inputProperties"] = inputs,
            ["properties"] = outputs,
            ["requiredInputs"] = new JsonArray(DisplayName),
            ["required"] = new JsonArray(DisplayName, Locale, DeviceType, HardwareHashExtractionEnabled, PreprovisioningAllowed, RoleScopeTagIds, Oobe, Assignments),
        };
    }

    public static JsonObject Types() => new()
    {
        ["entradevices:index:OutOfBoxExperienceSetting"] = Object("The out-of-box experience the person sees (Graph's outOfBoxExperienceSetting). Undeclared fields: Graph's default on create, left as they are on update.", new JsonObject
        {
            ["privacySettingsHidden"] = Boolean("Hide the privacy settings page."),
            ["eulaHidden"] = Boolean("Hide the Microsoft Software License Terms."),
            [UserType] = String("\"standard\" or \"administrator\": whether the person who sets up the device becomes its local administrator."),
            [DeviceUsageType] = String("\"singleUser\" or \"shared\"."),
            ["keyboardSelectionPageSkipped"] = Boolean("Skip the keyboard selection page (the locale must be set)."),
            ["escapeLinkHidden"] = Boolean("Hide the \"change account\" options on the sign-in page."),
        }),
        ["entradevices:index:ProfileAssignments"] = Object("Who the profile targets, one Graph assignment each. Declared: reconciled to exactly this (drift repaired); undeclared: not managed.", new JsonObject
        {
            [AllDevices] = Boolean("Target every Autopilot device of the tenant (only one profile may); not with groups or exclusions."),
            [Groups] = Strings("Group object ids (GUIDs) the profile targets, typically the Autopilot device group."),
            [ExcludedGroups] = Strings("Group object ids (GUIDs) the profile excludes."),
        }),
    };

    private static JsonObject Properties() => new()
    {
        [DisplayName] = String($"The profile's name, 1 to {MaxDisplayName} characters; also how the provider finds it again if a create's answer is lost."),
        [Description] = String($"Up to {MaxDescription} characters."),
        [Locale] = String("The language and region: a Windows display language such as \"en-US\", or \"\" to let the person select it."),
        [DeviceNameTemplate] = String("The computer name: at most 15 characters of letters, digits and hyphens, with %SERIAL% (the serial number, cut to fit) and %RAND:x% (x random digits); not digits only."),
        [DeviceType] = String("\"windowsPc\" (default), \"surfaceHub2\", \"holoLens\", \"surfaceHub2S\" or \"virtualMachine\". Create-only: a change replaces the profile."),
        [HardwareHashExtractionEnabled] = Boolean("Convert all targeted devices to Autopilot (harvest their hardware hashes)."),
        [PreprovisioningAllowed] = Boolean("Allow pre-provisioned deployment (Windows key pressed five times)."),
        [RoleScopeTagIds] = Strings("Intune scope tag ids, e.g. [\"0\"] (Default)."),
        [Oobe] = Ref(OobeType, "The out-of-box experience."),
        [Assignments] = Ref(TargetsType, "The groups it targets, the groups it excludes, or all devices."),
    };
}
