namespace EntraDevices.Graph.AutopilotDeploymentProfile;

/// <summary>What the person sees at first start: Graph's <c>outOfBoxExperienceSetting</c>.</summary>
public sealed record OutOfBoxExperience(
    bool PrivacySettingsHidden,
    bool EulaHidden,
    string UserType,
    string DeviceUsageType,
    bool KeyboardSelectionPageSkipped,
    bool EscapeLinkHidden);

/// <summary>The writable settings of a user-driven Microsoft Entra join deployment profile.</summary>
public sealed record ProfileSettings(
    string DisplayName,
    string? Description,
    string Locale,
    string? DeviceNameTemplate,
    string DeviceType,
    bool HardwareHashExtractionEnabled,
    bool PreprovisioningAllowed,
    IReadOnlyList<string> RoleScopeTagIds,
    OutOfBoxExperience OutOfBoxExperience);

/// <summary>Who a profile targets: one Graph assignment each.</summary>
public enum TargetKind
{
    Group,
    ExcludedGroup,
    AllDevices,
}

/// <summary>One assignment of a profile; <see cref="GroupId"/> is null for all devices.</summary>
public sealed record ProfileAssignment(string Id, TargetKind Kind, string? GroupId)
{
    /// <summary>The same target, whatever the assignment's id.</summary>
    public bool Targets(TargetKind kind, string? groupId) =>
        Kind == kind && string.Equals(GroupId, groupId, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A deployment profile as Graph holds it, with its assignments. Pure: no I/O.</summary>
public sealed record DeploymentProfile(string Id, ProfileSettings Settings, IReadOnlyList<ProfileAssignment> Assignments, string? CreatedDateTime);

/// <summary>The targets a program declares: all devices, groups, excluded groups.</summary>
public sealed record ProfileTargets(bool AllDevices, IReadOnlyList<string> Groups, IReadOnlyList<string> ExcludedGroups)
{
    public static readonly ProfileTargets None = new(false, [], []);

    public IEnumerable<(TargetKind Kind, string? GroupId)> All =>
        (AllDevices ? [(TargetKind.AllDevices, (string?)null)] : Array.Empty<(TargetKind, string?)>())
            .Concat(Groups.Select(g => (TargetKind.Group, (string?)g)))
            .Concat(ExcludedGroups.Select(g => (TargetKind.ExcludedGroup, (string?)g)));

    public static ProfileTargets Of(IEnumerable<ProfileAssignment> assignments)
    {
        var list = assignments.ToList();
        return new(
            list.Any(a => a.Kind == TargetKind.AllDevices),
            [.. list.Where(a => a.Kind == TargetKind.Group).Select(a => a.GroupId!)],
            [.. list.Where(a => a.Kind == TargetKind.ExcludedGroup).Select(a => a.GroupId!)]);
    }
}
