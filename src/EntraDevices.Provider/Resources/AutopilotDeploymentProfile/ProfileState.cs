using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDeploymentProfile.ProfileProperties;

namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>Pure mapping from a <see cref="DeploymentProfile"/> to the resource's outputs and imported inputs.</summary>
internal static class ProfileState
{
    public static ObjectValue Outputs(DeploymentProfile live) =>
        Inputs(live).With(CreatedDateTime, live.CreatedDateTime is null ? PropertyValue.Null : new StringValue(live.CreatedDateTime));

    /// <summary>Inputs that declare the profile and its assignments as found: what <c>pulumi import</c> records.</summary>
    public static ObjectValue Inputs(DeploymentProfile live)
    {
        var settings = live.Settings;
        var oobe = settings.OutOfBoxExperience;
        var targets = ProfileTargets.Of(live.Assignments);
        var inputs = ObjectValue.Of(
            (DisplayName, new StringValue(settings.DisplayName)),
            (Description, settings.Description is null ? null : new StringValue(settings.Description)),
            (Locale, new StringValue(settings.Locale)),
            (DeviceNameTemplate, settings.DeviceNameTemplate is null ? null : new StringValue(settings.DeviceNameTemplate)),
            (DeviceType, new StringValue(settings.DeviceType)),
            (HardwareHashExtractionEnabled, new BoolValue(settings.HardwareHashExtractionEnabled)),
            (PreprovisioningAllowed, new BoolValue(settings.PreprovisioningAllowed)),
            (RoleScopeTagIds, ArrayValue.Of(settings.RoleScopeTagIds)),
            (Oobe, ObjectValue.Of(
                ("privacySettingsHidden", new BoolValue(oobe.PrivacySettingsHidden)),
                ("eulaHidden", new BoolValue(oobe.EulaHidden)),
                (UserType, new StringValue(oobe.UserType)),
                (DeviceUsageType, new StringValue(oobe.DeviceUsageType)),
                ("keyboardSelectionPageSkipped", new BoolValue(oobe.KeyboardSelectionPageSkipped)),
                ("escapeLinkHidden", new BoolValue(oobe.EscapeLinkHidden)))),
            (Assignments, ObjectValue.Of(
                (AllDevices, new BoolValue(targets.AllDevices)),
                (Groups, ArrayValue.Of(targets.Groups)),
                (ExcludedGroups, ArrayValue.Of(targets.ExcludedGroups)))));
        return inputs;
    }
}
