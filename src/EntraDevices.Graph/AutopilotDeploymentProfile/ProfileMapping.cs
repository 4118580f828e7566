using System.Text.Json.Nodes;

namespace EntraDevices.Graph.AutopilotDeploymentProfile;

/// <summary>Pure mapping between Graph's beta <c>azureADWindowsAutopilotDeploymentProfile</c> JSON and the typed model.</summary>
public static class ProfileMapping
{
    public const string ODataType = "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile";

    private static readonly Dictionary<TargetKind, string> TargetTypes = new()
    {
        [TargetKind.Group] = "#microsoft.graph.groupAssignmentTarget",
        [TargetKind.ExcludedGroup] = "#microsoft.graph.exclusionGroupAssignmentTarget",
        [TargetKind.AllDevices] = "#microsoft.graph.allDevicesAssignmentTarget",
    };

    /// <summary>The body of a create: every setting, the create-only device type included.</summary>
    public static JsonObject ToGraph(ProfileSettings settings) => new()
    {
        ["@odata.type"] = ODataType,
        ["displayName"] = settings.DisplayName,
        ["description"] = settings.Description,
        ["locale"] = settings.Locale,
        ["deviceNameTemplate"] = settings.DeviceNameTemplate,
        ["deviceType"] = settings.DeviceType,
        ["hardwareHashExtractionEnabled"] = settings.HardwareHashExtractionEnabled,
        ["preprovisioningAllowed"] = settings.PreprovisioningAllowed,
        ["roleScopeTagIds"] = new JsonArray([.. settings.RoleScopeTagIds.Select(id => (JsonNode?)id)]),
        ["outOfBoxExperienceSetting"] = Oobe(settings.OutOfBoxExperience),
    };

    /// <summary>
    /// The body of a create that carries only the declared fields (Graph names; an out-of-box setting as
    /// <c>outOfBoxExperienceSetting.eulaHidden</c>) besides the type and the display name: Graph gives every other field
    /// its own default, as the README promises for what a stack does not declare.
    /// </summary>
    public static JsonObject ToGraphCreate(ProfileSettings settings, IReadOnlySet<string> declared)
    {
        var body = new JsonObject();
        foreach (var (name, value) in ToGraph(settings))
        {
            if (name == "outOfBoxExperienceSetting")
            {
                var oobe = new JsonObject();
                foreach (var (field, setting) in (JsonObject)value!)
                {
                    if (declared.Contains($"{name}.{field}"))
                    {
                        oobe[field] = setting?.DeepClone();
                    }
                }

                if (oobe.Count > 0)
                {
                    body[name] = oobe;
                }
            }
            else if (name is "@odata.type" or "displayName" || declared.Contains(name))
            {
                body[name] = value?.DeepClone();
            }
        }

        return body;
    }

    /// <summary>The PATCH that moves <paramref name="live"/> to <paramref name="desired"/>: only what differs, never the create-only device type.</summary>
    public static JsonObject Changes(ProfileSettings live, ProfileSettings desired)
    {
        var all = ToGraph(desired);
        var before = ToGraph(live);
        var changes = new JsonObject();
        foreach (var (name, value) in all)
        {
            if (name is "@odata.type" or "deviceType" || JsonNode.DeepEquals(value, before[name]))
            {
                continue;
            }

            changes[name] = value?.DeepClone();
        }

        if (changes.Count > 0)
        {
            // Graph needs the derived type to PATCH the derived type's properties.
            changes["@odata.type"] = ODataType;
        }

        return changes;
    }

    public static JsonObject Assignment(TargetKind kind, string? groupId)
    {
        var target = new JsonObject { ["@odata.type"] = TargetTypes[kind] };
        if (groupId is not null)
        {
            target["groupId"] = groupId;
        }

        return new JsonObject { ["target"] = target };
    }

    public static DeploymentProfile FromGraph(JsonObject json, IEnumerable<JsonObject> assignments)
    {
        var id = Text(json, "id") ?? throw Odd("without an id");
        // An answer without the out-of-box settings (plausible after a create that sent none) reads as Graph's defaults,
        // as a missing flag inside them does.
        var oobe = json["outOfBoxExperienceSetting"] as JsonObject ?? [];
        var settings = new ProfileSettings(
            Text(json, "displayName") ?? throw Odd("without a displayName"),
            Text(json, "description"),
            Text(json, "locale") ?? "",
            Text(json, "deviceNameTemplate"),
            Text(json, "deviceType") ?? "windowsPc",
            Flag(json, "hardwareHashExtractionEnabled"),
            Flag(json, "preprovisioningAllowed"),
            json["roleScopeTagIds"] is JsonArray tags ? [.. tags.Select(t => (string?)t).OfType<string>()] : ["0"],
            new OutOfBoxExperience(
                Flag(oobe, "privacySettingsHidden"), Flag(oobe, "eulaHidden"),
                Text(oobe, "userType") ?? "standard", Text(oobe, "deviceUsageType") ?? "singleUser",
                Flag(oobe, "keyboardSelectionPageSkipped"), Flag(oobe, "escapeLinkHidden")));
        return new DeploymentProfile(id, settings, [.. assignments.Select(AssignmentFrom)], Text(json, "createdDateTime"));
    }

    private static ProfileAssignment AssignmentFrom(JsonObject json)
    {
        var target = json["target"] as JsonObject ?? throw Odd("assignment without a target");
        var type = Text(target, "@odata.type");
        var kind = TargetTypes.Where(t => t.Value == type).Select(t => (TargetKind?)t.Key).FirstOrDefault()
            ?? throw Odd($"assignment whose target is '{type}'");
        return new ProfileAssignment(Text(json, "id") ?? throw Odd("assignment without an id"), kind, kind == TargetKind.AllDevices ? null : Text(target, "groupId"));
    }

    private static JsonObject Oobe(OutOfBoxExperience oobe) => new()
    {
        ["privacySettingsHidden"] = oobe.PrivacySettingsHidden,
        ["eulaHidden"] = oobe.EulaHidden,
        ["userType"] = oobe.UserType,
        ["deviceUsageType"] = oobe.DeviceUsageType,
        ["keyboardSelectionPageSkipped"] = oobe.KeyboardSelectionPageSkipped,
        ["escapeLinkHidden"] = oobe.EscapeLinkHidden,
    };

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Flag(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static UnexpectedPolicyShapeException Odd(string what) =>
        new($"Graph returned an Autopilot deployment profile {what}; refusing to guess.");
}
