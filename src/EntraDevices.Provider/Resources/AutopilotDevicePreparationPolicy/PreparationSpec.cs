using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy.PreparationProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

/// <summary>
/// What the program declares, fully known (after Check, outside preview). A null field is undeclared: a create gives
/// it the admin center's default, an update leaves it as the tenant has it. A null <see cref="DeviceGroup"/> or
/// <see cref="UserGroups"/> is not managed.
/// </summary>
internal sealed record PreparationSpec(
    string Name,
    string? Description,
    IReadOnlyList<string>? RoleScopeTagIds,
    PreparationSettings Settings,
    string? DeviceGroup,
    IReadOnlyList<string>? UserGroups)
{
    public static PreparationSpec Read(ObjectValue inputs)
    {
        string? Text(string path) => inputs.At(path)?.Plain is StringValue s ? s.Value : null;
        bool? Flag(string path) => inputs.At(path)?.Plain is BoolValue b ? b.Value : null;
        IReadOnlyList<string>? Strings(string path) => inputs.At(path)?.Plain is ArrayValue list
            ? [.. list.Items.Select(i => i.Plain).OfType<StringValue>().Select(s => s.Value)]
            : null;
        IReadOnlyList<AllowedApp>? apps = inputs.At(AllowedApps)?.Plain is ArrayValue appList
            ? [.. appList.Items.Select(i => i.Plain).OfType<ObjectValue>().Select(app =>
                new AllowedApp(((StringValue)app.At(AppId)!.Plain).Value, GraphTypePrefix + ((StringValue)app.At(AppType)!.Plain).Value))]
            : null;

        var settings = new PreparationSettings(
            Text(DeploymentMode), Text(DeploymentType), Text(JoinType), Text(UserAccountType),
            inputs.At(TimeoutMinutes)?.Plain is NumberValue n ? (int)n.Value : null,
            Text(CustomErrorMessage), Flag(AllowSkip), Flag(AllowDiagnostics), apps, Strings(AllowedScripts));
        return new PreparationSpec(Text(PreparationProperties.Name) ?? "", Text(PreparationProperties.Description), Strings(PreparationProperties.RoleScopeTagIds),
            settings, Text(PreparationProperties.DeviceGroup), Strings(PreparationProperties.UserGroups));
    }

    /// <summary>The policy's header with the declared fields laid over <paramref name="basis"/>.</summary>
    public PolicyHeader Over(PolicyHeader basis) => new(Name, Description ?? basis.Description, RoleScopeTagIds ?? basis.RoleScopeTagIds);

    public static readonly PolicyHeader NewHeader = new("", "", ["0"]);

    /// <summary>True when the policy's header and settings hold everything declared (the device group and assignments aside).</summary>
    public bool HeaderAndSettingsHeldBy(PreparationPolicy live)
    {
        var header = Over(live.Header);
        return header.Name == live.Header.Name && header.Description == live.Header.Description
            && header.RoleScopeTagIds.ToHashSet().SetEquals(live.Header.RoleScopeTagIds)
            && PreparationSettingsJson.Holds(live.Settings, Settings);
    }

    public bool GroupHeldBy(PreparationPolicy live) => DeviceGroup is null || string.Equals(DeviceGroup, live.DeviceGroupId, StringComparison.OrdinalIgnoreCase);

    public bool AssignmentsHeldBy(PreparationPolicy live) =>
        UserGroups is null || UserGroups.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(live.UserGroups);

    public bool HeldBy(PreparationPolicy live) => HeaderAndSettingsHeldBy(live) && GroupHeldBy(live) && AssignmentsHeldBy(live);
}
