using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy.PreparationProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

/// <summary>Pure mapping from a <see cref="PreparationPolicy"/> to the resource's outputs and imported inputs.</summary>
internal static class PreparationState
{
    public static ObjectValue Outputs(PreparationPolicy live) => Inputs(live)
        .With(Priority, live.Priority is { } p ? new NumberValue(p) : PropertyValue.Null)
        .With(CreatedDateTime, live.CreatedDateTime is null ? PropertyValue.Null : new StringValue(live.CreatedDateTime));

    /// <summary>Inputs that declare the policy as found: what <c>pulumi import</c> records. A setting the policy lacks is left out.</summary>
    public static ObjectValue Inputs(PreparationPolicy live)
    {
        var s = live.Settings;
        static PropertyValue? Text(string? value) => value is null ? null : new StringValue(value);
        static PropertyValue? Flag(bool? value) => value is null ? null : new BoolValue(value.Value);
        return ObjectValue.Of(
            (Name, new StringValue(live.Header.Name)),
            (Description, new StringValue(live.Header.Description)),
            (RoleScopeTagIds, ArrayValue.Of(live.Header.RoleScopeTagIds)),
            (DeploymentMode, Text(s.DeploymentMode)),
            (DeploymentType, Text(s.DeploymentType)),
            (JoinType, Text(s.JoinType)),
            (UserAccountType, Text(s.UserAccountType)),
            (TimeoutMinutes, s.TimeoutMinutes is { } minutes ? new NumberValue(minutes) : null),
            (CustomErrorMessage, Text(s.CustomErrorMessage)),
            (AllowSkip, Flag(s.AllowSkip)),
            (AllowDiagnostics, Flag(s.AllowDiagnostics)),
            (AllowedApps, new ArrayValue([.. (s.AllowedApps ?? []).OrderBy(a => a.Id, StringComparer.OrdinalIgnoreCase).Select(App)])),
            (AllowedScripts, ArrayValue.Of(s.AllowedScripts ?? [])),
            (DeviceGroup, live.DeviceGroupId is null ? null : new StringValue(live.DeviceGroupId)),
            (UserGroups, ArrayValue.Of(live.UserGroups)));
    }

    private static PropertyValue App(AllowedApp app) => ObjectValue.Of(
        (AppId, new StringValue(app.Id)),
        (AppType, new StringValue(app.Type.StartsWith(GraphTypePrefix, StringComparison.Ordinal) ? app.Type[GraphTypePrefix.Length..] : app.Type)));
}
