using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDeploymentProfile.ProfileProperties;

namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>
/// What the program declares, fully known (after Check, outside preview). A null field is undeclared: a create
/// gives it Graph's default, an update leaves it as the tenant has it. Null <see cref="Targets"/>: assignments are
/// not managed.
/// </summary>
internal sealed record ProfileSpec(
    string DisplayName,
    string? Description,
    string? Locale,
    string? DeviceNameTemplate,
    string? DeviceType,
    bool? HardwareHashExtractionEnabled,
    bool? PreprovisioningAllowed,
    IReadOnlyList<string>? RoleScopeTagIds,
    IReadOnlyDictionary<string, bool> OobeFlags,
    string? UserType,
    string? DeviceUsageType,
    ProfileTargets? Targets)
{
    /// <summary>A new profile's settings where the program is silent: Graph's defaults for a user-driven Entra join profile.</summary>
    public static readonly ProfileSettings Defaults = new(
        "", null, "", null, "windowsPc", false, false, ["0"], new OutOfBoxExperience(false, false, "standard", "singleUser", false, false));

    public static ProfileSpec Read(ObjectValue inputs)
    {
        string? Text(string path) => inputs.At(path)?.Plain is StringValue s ? s.Value : null;
        bool? Flag(string path) => inputs.At(path)?.Plain is BoolValue b ? b.Value : null;
        IReadOnlyList<string>? Ids(string path) => inputs.At(path)?.Plain is ArrayValue list
            ? [.. list.Items.Select(i => i.Plain).OfType<StringValue>().Select(s => s.Value)]
            : null;

        var flags = ProfileProperties.OobeFlags
            .Where(flag => Flag($"{Oobe}.{flag}") is not null)
            .ToDictionary(flag => flag, flag => Flag($"{Oobe}.{flag}")!.Value);
        var targets = inputs.At(Assignments)?.Plain is ObjectValue
            ? new ProfileTargets(Flag($"{Assignments}.{AllDevices}") ?? false, Ids($"{Assignments}.{Groups}") ?? [], Ids($"{Assignments}.{ExcludedGroups}") ?? [])
            : null;
        return new ProfileSpec(
            Text(ProfileProperties.DisplayName) ?? "", Text(ProfileProperties.Description), Text(ProfileProperties.Locale), Text(ProfileProperties.DeviceNameTemplate),
            Text(ProfileProperties.DeviceType), Flag(ProfileProperties.HardwareHashExtractionEnabled), Flag(ProfileProperties.PreprovisioningAllowed),
            Ids(ProfileProperties.RoleScopeTagIds), flags, Text($"{Oobe}.{ProfileProperties.UserType}"), Text($"{Oobe}.{ProfileProperties.DeviceUsageType}"), targets);
    }

    /// <summary>The Graph fields the program declares, for a create that sends nothing else (an out-of-box setting as <c>outOfBoxExperienceSetting.name</c>).</summary>
    public IReadOnlySet<string> DeclaredGraphFields()
    {
        const string oobe = "outOfBoxExperienceSetting";
        var fields = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                fields.Add(name);
            }
        }

        Add("description", Description);
        Add("locale", Locale);
        Add("deviceNameTemplate", DeviceNameTemplate);
        Add("deviceType", DeviceType);
        Add("hardwareHashExtractionEnabled", HardwareHashExtractionEnabled);
        Add("preprovisioningAllowed", PreprovisioningAllowed);
        Add("roleScopeTagIds", RoleScopeTagIds);
        Add($"{oobe}.userType", UserType);
        Add($"{oobe}.deviceUsageType", DeviceUsageType);
        foreach (var flag in OobeFlags.Keys)
        {
            fields.Add($"{oobe}.{flag}");
        }

        return fields;
    }

    /// <summary>The settings with every declared field laid over <paramref name="basis"/> (the defaults on create, the live profile on update).</summary>
    public ProfileSettings Over(ProfileSettings basis)
    {
        bool FlagOr(string name, bool current) => OobeFlags.TryGetValue(name, out var declared) ? declared : current;
        var oobe = basis.OutOfBoxExperience;
        return new ProfileSettings(
            DisplayName,
            Description ?? basis.Description,
            Locale ?? basis.Locale,
            DeviceNameTemplate ?? basis.DeviceNameTemplate,
            DeviceType ?? basis.DeviceType,
            HardwareHashExtractionEnabled ?? basis.HardwareHashExtractionEnabled,
            PreprovisioningAllowed ?? basis.PreprovisioningAllowed,
            RoleScopeTagIds ?? basis.RoleScopeTagIds,
            new OutOfBoxExperience(
                FlagOr("privacySettingsHidden", oobe.PrivacySettingsHidden),
                FlagOr("eulaHidden", oobe.EulaHidden),
                UserType ?? oobe.UserType,
                DeviceUsageType ?? oobe.DeviceUsageType,
                FlagOr("keyboardSelectionPageSkipped", oobe.KeyboardSelectionPageSkipped),
                FlagOr("escapeLinkHidden", oobe.EscapeLinkHidden)));
    }

    /// <summary>True when the profile holds every declared setting (the device type aside, which only a create sets) and exactly the declared targets.</summary>
    public bool HeldBy(DeploymentProfile live)
    {
        var desired = Over(live.Settings) with { DeviceType = live.Settings.DeviceType };
        return SameSettings(desired, live.Settings) && (Targets is null || SameTargets(Targets, ProfileTargets.Of(live.Assignments)));
    }

    public static bool SameSettings(ProfileSettings a, ProfileSettings b) =>
        a with { RoleScopeTagIds = [] } == b with { RoleScopeTagIds = [] }
        && a.RoleScopeTagIds.ToHashSet().SetEquals(b.RoleScopeTagIds);

    public static bool SameTargets(ProfileTargets a, ProfileTargets b) =>
        a.AllDevices == b.AllDevices
        && a.Groups.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b.Groups)
        && a.ExcludedGroups.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b.ExcludedGroups);
}
