using System.Text.Json.Nodes;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Export.ConfigLeaves;

namespace EntraDevices.Provider.Export;

/// <summary>
/// The Intune objects as the program's sections, from the inputs the provider reads at <c>pulumi import</c>. The program
/// declares only some settings of each; the others stay as the tenant has them, and each section's notes name them.
/// </summary>
internal static class IntuneSections
{
    /// <summary>The page settings the program declares, as it names them (the same as the resource's inputs).</summary>
    private static readonly string[] PageKeys =
    [
        "showInstallationProgress", "installProgressTimeoutInMinutes", "customErrorMessage", "allowDeviceUseOnInstallFailure", "allowDeviceResetOnInstallFailure",
        "allowLogCollectionOnInstallFailure", "blockDeviceSetupRetryByUser", "trackInstallProgressForAutopilotOnly",
    ];

    private static readonly string[] PageKeysLeftAlone =
        ["description", "installQualityUpdates", "allowNonBlockingAppInstallation", "selectedMobileAppIds", "disableUserStatusTrackingAfterFirstUser", "roleScopeTagIds"];

    /// <summary>The page, or null with the reason where it is assigned to no group (the program assigns each page it declares).</summary>
    public static (ExportedSection? Section, string? Refusal) StatusPage(string id, ObjectValue inputs)
    {
        if (Strings(inputs, "assignments").Count == 0)
        {
            return (null, $"The Enrollment Status Page '{Text(inputs, "displayName") ?? id}' ({id}) is assigned to no group, and the program assigns each page "
                + "it declares to groups: it stays as it is, outside the stack.");
        }

        var config = new JsonObject { ["create"] = true };
        Copy(config, "displayName", inputs, "displayName");
        CopyPageSettings(config, inputs);

        config["assignedGroupIds"] = Array(Strings(inputs, "assignments"));
        return (new ExportedSection(ProgramShape.StatusPageSection, config, new ImportEntry(ProgramShape.StatusPageType, ProgramShape.StatusPageName, id),
            [LeftAlone("page", inputs, PageKeysLeftAlone)]), null);
    }

    public static ExportedSection DefaultStatusPage(ObjectValue inputs)
    {
        var config = new JsonObject();
        CopyPageSettings(config, inputs);

        return new ExportedSection(ProgramShape.DefaultStatusPageSection, config,
            new ImportEntry(ProgramShape.DefaultStatusPageType, ProgramShape.DefaultStatusPageName, ProgramShape.DefaultStatusPageId),
            [LeftAlone("default page", inputs, PageKeysLeftAlone)]);
    }

    private static void CopyPageSettings(JsonObject config, ObjectValue inputs)
    {
        foreach (var key in PageKeys)
        {
            Copy(config, key, inputs, key, key == "installProgressTimeoutInMinutes" ? (1, 1440) : null);
        }
    }

    /// <summary>The profile, or null with the reason where the program cannot declare its assignments.</summary>
    public static (ExportedSection? Section, string? Refusal) Profile(string id, ObjectValue inputs)
    {
        var name = Text(inputs, "displayName") ?? id;
        if (inputs.At("assignments.allDevices")?.Plain is BoolValue { Value: true })
        {
            return (null, $"The deployment profile '{name}' ({id}) targets all devices, which the program cannot declare (it assigns groups): it stays as it is, "
                + "outside the stack.");
        }

        if (Strings(inputs, "assignments.groups").Count == 0)
        {
            return (null, $"The deployment profile '{name}' ({id}) targets no group, and the program assigns each profile it declares to groups: it stays "
                + "as it is, outside the stack.");
        }

        var config = new JsonObject { ["create"] = true };
        Copy(config, "displayName", inputs, "displayName");
        Copy(config, "description", inputs, "description");
        Copy(config, "locale", inputs, "locale", emptyAllowed: true);
        Copy(config, "deviceNameTemplate", inputs, "deviceNameTemplate");
        Copy(config, "userType", inputs, "outOfBoxExperienceSetting.userType");
        foreach (var key in new[] { "privacySettingsHidden", "eulaHidden", "keyboardSelectionPageSkipped", "escapeLinkHidden" })
        {
            Copy(config, key, inputs, $"outOfBoxExperienceSetting.{key}");
        }

        Copy(config, "preprovisioningAllowed", inputs, "preprovisioningAllowed");
        Copy(config, "hardwareHashExtractionEnabled", inputs, "hardwareHashExtractionEnabled");
        config["assignedGroupIds"] = Array(Strings(inputs, "assignments.groups"));
        if (Strings(inputs, "assignments.excludedGroups") is { Count: > 0 } excluded)
        {
            config["excludedGroupIds"] = Array(excluded);
        }

        return (new ExportedSection(ProgramShape.ProfileSection, config, new ImportEntry(ProgramShape.ProfileType, ProgramShape.ProfileName, id),
            [LeftAlone("profile", inputs, ["deviceType", "roleScopeTagIds", "outOfBoxExperienceSetting.deviceUsageType"])]), null);
    }

    /// <summary>The policy, or null with the reason where it has no device group or no user group (the program declares both).</summary>
    public static (ExportedSection? Section, string? Refusal) Preparation(string id, ObjectValue inputs)
    {
        if (Text(inputs, "deviceGroup") is null || Strings(inputs, "userGroups").Count == 0)
        {
            return (null, $"The device preparation policy '{Text(inputs, "name") ?? id}' ({id}) has no {(Text(inputs, "deviceGroup") is null ? "device group" : "user group")}, "
                + "and the program declares both: it stays as it is, outside the stack.");
        }

        var config = new JsonObject { ["create"] = true };
        Copy(config, "name", inputs, "name");
        Copy(config, "description", inputs, "description");
        Copy(config, "deviceGroupId", inputs, "deviceGroup");
        config["userGroupIds"] = Array(Strings(inputs, "userGroups"));
        foreach (var key in new[] { "userAccountType", "timeoutMinutes", "customErrorMessage", "allowSkip", "allowDiagnostics" })
        {
            Copy(config, key, inputs, key, key == "timeoutMinutes" ? (15, 720) : null);
        }

        if (inputs.At("allowedApps")?.Plain is ArrayValue { Items.Count: > 0 } apps)
        {
            config["allowedApps"] = new JsonArray([.. apps.Items.Select(a => a.Plain).OfType<ObjectValue>()
                .Select(a => (JsonNode?)new JsonObject { ["id"] = Text(a, "id"), ["type"] = Text(a, "type") })]);
        }

        if (Strings(inputs, "allowedScripts") is { Count: > 0 } scripts)
        {
            config["allowedScriptIds"] = Array(scripts);
        }

        return (new ExportedSection(ProgramShape.PreparationSection, config, new ImportEntry(ProgramShape.PreparationType, ProgramShape.PreparationName, id),
            [LeftAlone("policy", inputs, ["roleScopeTagIds"])]), null);
    }

    /// <summary>What the tenant holds that the program does not declare, named once per section.</summary>
    private static string LeftAlone(string what, ObjectValue inputs, IEnumerable<string> paths)
    {
        var held = paths.Where(path => inputs.At(path) is { } value && value.Plain is not NullValue).Select(path => path[(path.LastIndexOf('.') + 1)..]).ToList();
        return held.Count == 0 ? "" : $"The {what}'s {string.Join(", ", held)} {(held.Count == 1 ? "is" : "are")} not a setting of the program: left as the tenant has them.";
    }
}
