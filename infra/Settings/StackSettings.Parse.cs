namespace Infra.Settings;

internal sealed partial record StackSettings
{
    public static readonly IReadOnlyList<string> OnDestroyValues = [RestoreOriginal, RestoreDefaults];

    /// <summary>
    /// Validates the stack's raw configuration values (keys without the project namespace; a
    /// <see langword="null"/> value is an unset key) and returns the typed settings. Pure: no Pulumi
    /// runtime needed.
    /// </summary>
    /// <param name="values">Raw values by key, as Pulumi hands them to the program: each section a JSON object.</param>
    /// <param name="configNamespace">The project name, used to spell keys in messages.</param>
    /// <param name="otherKeys">The stack's keys of other namespaces, in full (<c>entradevices:autopilotDevices</c>): one that
    /// names a section of this program is a section written under the wrong namespace, which the program would not see.</param>
    /// <exception cref="StackSettingsException">One or more values are invalid; all are reported at once.</exception>
    public static StackSettings Parse(IReadOnlyDictionary<string, string?> values, string configNamespace, IEnumerable<string>? otherKeys = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrWhiteSpace(configNamespace);

        var structureErrors = new List<string>();
        var reader = new ConfigValueReader(StructuredConfig.Flatten(values, configNamespace, structureErrors), configNamespace);
        foreach (var error in structureErrors)
        {
            reader.Error(error);
        }

        reader.RejectUnknownKeys(ConfigKeys.All, ConfigKeys.Sections);
        foreach (var key in (otherKeys ?? []).Order(StringComparer.Ordinal))
        {
            var name = key[(key.IndexOf(':') + 1)..];
            if (ConfigKeys.Sections.Contains(name, StringComparer.Ordinal) || ConfigKeys.Replaced.ContainsKey(name))
            {
                reader.Error($"'{key}' is under the namespace '{key[..key.IndexOf(':')]}', but this program reads its settings from '{configNamespace}:': "
                    + $"as written, the program does not see it. Move it to '{configNamespace}:{name}' in the stack file.");
            }
        }

        var settings = new StackSettings
        {
            Join = ReadJoin(reader),
            UserDeviceQuota = reader.DeviceQuota(ConfigKeys.UserDeviceQuota),
            RequireMfa = reader.Boolean(ConfigKeys.RequireMfa),
            GlobalAdminsAsLocalAdmins = reader.Boolean(ConfigKeys.GlobalAdminsAsLocalAdmins),
            RegisteringUsersLocalAdmins = ReadRegisteringUsersLocalAdmins(reader),
            LapsEnabled = reader.Boolean(ConfigKeys.LapsEnabled),
            LocalAdminsGroupName = ReadCreatedGroupName(
                reader, ConfigKeys.CreateLocalAdminsGroup, ConfigKeys.LocalAdminsGroupName, createByDefault: false, DefaultLocalAdminsGroupName),
            AutopilotGroupName = ReadCreatedGroupName(
                reader, ConfigKeys.CreateAutopilotGroup, ConfigKeys.AutopilotGroupName, createByDefault: true, DefaultAutopilotGroupName),
            RestrictBitLockerKeySelfRecovery = reader.Boolean(ConfigKeys.RestrictBitLockerKeySelfRecovery),
            Enrollment = ReadEnrollment(reader),
            Devices = ReadDevices(reader),
            DevicePreparation = ReadDevicePreparation(reader),
            CorporateIdentifiers = ReadCorporateIdentifiers(reader),
            OnDestroy = reader.Choice(ConfigKeys.OnDestroy, OnDestroyValues),
        };

        settings = settings with
        {
            // A group setting that failed to parse is reported on its own, not again as "the group is not created".
            StatusPage = ReadStatusPage(reader, settings.AutopilotGroupName is not null || reader.Failed(ConfigKeys.CreateAutopilotGroup)),
            DeploymentProfile = ReadDeploymentProfile(reader, settings.AutopilotGroupName is not null || reader.Failed(ConfigKeys.CreateAutopilotGroup)),
            DefaultStatusPage = ReadDefaultStatusPage(reader),
        };
        if (reader.Errors.Count > 0)
        {
            throw new StackSettingsException(reader.Errors);
        }

        return settings;
    }

    private static JoinSettings? ReadJoin(ConfigValueReader reader)
    {
        var scope = reader.Scope(ConfigKeys.JoinScope);
        var createdGroupName = ReadCreatedGroupName(
            reader, ConfigKeys.CreateJoinGroup, ConfigKeys.JoinGroupName, createByDefault: false, DefaultJoinGroupName);
        var groupIds = reader.ObjectIds(ConfigKeys.JoinGroupIds);
        var userIds = reader.ObjectIds(ConfigKeys.JoinUserIds);
        var members = ReadJoinGroupMembers(reader, createdGroupName is not null);

        if (reader.Failed(ConfigKeys.JoinScope) || reader.Failed(ConfigKeys.CreateJoinGroup))
        {
            return null;
        }

        if (scope == MembershipScope.Selected)
        {
            if (createdGroupName is null && groupIds.Count == 0 && userIds.Count == 0)
            {
                reader.Error(
                    $"{reader.Name(ConfigKeys.JoinScope)} is \"selected\" but none of {reader.Name(ConfigKeys.JoinGroupIds)}, "
                    + $"{reader.Name(ConfigKeys.JoinUserIds)} or {reader.Name(ConfigKeys.CreateJoinGroup)} (true) is set, so nobody could join devices; "
                    + $"set at least one of them, or set {reader.Name(ConfigKeys.JoinScope)} to \"all\" or \"none\".");
            }
            else if (createdGroupName is not null && groupIds.Count == 0 && userIds.Count == 0 && members is { DeclaresSomeone: false, ManagedElsewhere: false }
                && !ConfigKeys.JoinGroupMemberKeys.Append(ConfigKeys.JoinGroupIds).Append(ConfigKeys.JoinUserIds).Any(reader.Failed))
            {
                reader.Error(
                    $"{reader.Name(ConfigKeys.JoinScope)} is \"selected\" and the only ones allowed to join are the members of the join group this program "
                    + "creates, which nothing fills: it would be created empty, and nobody could join devices to Microsoft Entra (Autopilot's user-driven "
                    + $"join included). Say who is in it: {reader.Name(ConfigKeys.JoinGroupMemberGroupIds)} (existing groups to nest), "
                    + $"{reader.Name(ConfigKeys.JoinGroupMemberUserIds)} (users) or {reader.Name(ConfigKeys.JoinGroupMembershipRule)} (a dynamic membership rule, "
                    + $"Entra ID P1); or, where another process fills the group, set {reader.Name(ConfigKeys.JoinGroupMembersManagedElsewhere)} to true.");
            }

            return new JoinSettings(MembershipScope.Selected, userIds, groupIds, createdGroupName, members);
        }

        var scopeIs = scope is { } value ? $"is \"{value.ToContractValue()}\"" : "is not set";
        if (createdGroupName is not null)
        {
            reader.Error(
                $"{reader.Name(ConfigKeys.CreateJoinGroup)} is true but {reader.Name(ConfigKeys.JoinScope)} {scopeIs}; "
                + $"the join group is used only when {reader.Name(ConfigKeys.JoinScope)} is \"selected\".");
        }

        RejectMembersOutsideSelected(reader, ConfigKeys.JoinScope, scopeIs, ConfigKeys.JoinGroupIds, groupIds, "groups allowed to join");
        RejectMembersOutsideSelected(reader, ConfigKeys.JoinScope, scopeIs, ConfigKeys.JoinUserIds, userIds, "users allowed to join");

        return scope is { } declared ? new JoinSettings(declared, [], [], null) : null;
    }

    private static JoinGroupMembers? ReadJoinGroupMembers(ConfigValueReader reader, bool created)
    {
        var users = reader.ObjectIds(ConfigKeys.JoinGroupMemberUserIds);
        var groups = reader.ObjectIds(ConfigKeys.JoinGroupMemberGroupIds);
        var rule = reader.Text(ConfigKeys.JoinGroupMembershipRule, 3072, "a dynamic membership rule such as (user.userType -eq \"Member\") -and (user.accountEnabled -eq true)");
        var elsewhere = reader.Boolean(ConfigKeys.JoinGroupMembersManagedElsewhere) ?? false;
        var set = ConfigKeys.JoinGroupMemberKeys.Where(reader.IsSet).Select(reader.Name).ToList();
        if (!created)
        {
            if (set.Count > 0 && !reader.Failed(ConfigKeys.CreateJoinGroup))
            {
                reader.Error($"{string.Join(", ", set)} {(set.Count == 1 ? "is" : "are")} set but {reader.Name(ConfigKeys.CreateJoinGroup)} is not true; "
                    + $"they say who is in the join group this program creates: set {reader.Name(ConfigKeys.CreateJoinGroup)} to true, or remove them.");
            }

            return null;
        }

        if (rule is not null && (users.Count > 0 || groups.Count > 0))
        {
            reader.Error($"{reader.Name(ConfigKeys.JoinGroupMembershipRule)} makes the join group dynamic, and a dynamic group has no assigned members: "
                + $"remove {reader.Name(ConfigKeys.JoinGroupMemberUserIds)} and {reader.Name(ConfigKeys.JoinGroupMemberGroupIds)}, or the rule.");
        }

        if (elsewhere && (rule is not null || users.Count > 0 || groups.Count > 0))
        {
            reader.Error($"{reader.Name(ConfigKeys.JoinGroupMembersManagedElsewhere)} is true, which says this stack adds nobody to the join group, "
                + "but members or a rule are declared: remove one or the other.");
        }

        return new JoinGroupMembers(users, groups, rule, elsewhere);
    }

    private static StatusPageSettings? ReadStatusPage(ConfigValueReader reader, bool autopilotGroup)
    {
        var create = reader.Boolean(ConfigKeys.CreateStatusPage);
        var page = ReadPageSettings(reader, ConfigKeys.StatusPageSection, reader.Text(ConfigKeys.PageDisplayName, 256, "a page name") ?? DefaultStatusPageName) with
        {
            AssignedGroupIds = reader.ObjectIds(ConfigKeys.PageAssignedGroupIds),
        };
        return Created(reader, create, ConfigKeys.CreateStatusPage, ConfigKeys.PageSettingKeys, autopilotGroup || page.AssignedGroupIds.Count > 0, "page",
            ConfigKeys.PageAssignedGroupIds) ? page : null;
    }

    /// <summary>The tenant's default page: declared when any of its keys is set (it is adopted, never created).</summary>
    private static StatusPageSettings? ReadDefaultStatusPage(ConfigValueReader reader)
    {
        var page = ReadPageSettings(reader, ConfigKeys.DefaultStatusPageSection, "");
        return ConfigKeys.DefaultPageKeys.Any(reader.IsSet) ? page : null;
    }

    // The settings of a page under a section (enrollmentStatusPage or defaultEnrollmentStatusPage), keys named as the page's.
    private static StatusPageSettings ReadPageSettings(ConfigValueReader reader, string section, string displayName)
    {
        string Key(string pageKey) => ConfigKeys.PageKeyIn(section, pageKey);
        return new StatusPageSettings(
            displayName,
            reader.Boolean(Key(ConfigKeys.PageShowInstallationProgress)),
            reader.WholeNumber(Key(ConfigKeys.PageInstallProgressTimeoutInMinutes), 1, 1440, "minutes"),
            reader.Text(Key(ConfigKeys.PageCustomErrorMessage), 10_000, "a message"),
            reader.Boolean(Key(ConfigKeys.PageAllowDeviceUseOnInstallFailure)),
            reader.Boolean(Key(ConfigKeys.PageAllowDeviceResetOnInstallFailure)),
            reader.Boolean(Key(ConfigKeys.PageAllowLogCollectionOnInstallFailure)),
            reader.Boolean(Key(ConfigKeys.PageBlockDeviceSetupRetryByUser)),
            reader.Boolean(Key(ConfigKeys.PageTrackInstallProgressForAutopilotOnly)));
    }

    private static DevicesSettings? ReadDevices(ConfigValueReader reader)
    {
        var csv = reader.Text(ConfigKeys.DevicesCsv, 4096, "a path to the OEM's CSV or a folder of them, relative to the project folder or absolute (e.g. devices/dev.csv)");
        var groupTag = reader.Text(ConfigKeys.DevicesGroupTag, 200, "a group tag");
        var user = reader.Text(ConfigKeys.DevicesAssignedUser, 256, "a user principal name like person@contoso.com");
        var whenRemoved = reader.Choice(ConfigKeys.DevicesWhenRemoved, ["keep", "delete"]);
        if (csv is null)
        {
            var set = new[] { ConfigKeys.DevicesGroupTag, ConfigKeys.DevicesAssignedUser, ConfigKeys.DevicesWhenRemoved }.Where(reader.IsSet).Select(reader.Name).ToList();
            if (set.Count > 0 && !reader.Failed(ConfigKeys.DevicesCsv))
            {
                reader.Error($"{string.Join(", ", set)} {(set.Count == 1 ? "is" : "are")} set but {reader.Name(ConfigKeys.DevicesCsv)} is not; "
                    + "name the OEM's CSV (e.g. devices/dev.csv), or remove them.");
            }

            return null;
        }

        if (EntraDevices.Provider.Resources.AutopilotDevices.CsvPath.ShapeProblem(csv) is { } problem)
        {
            // The provider's rule: relative paths are read from the project folder, absolute ones (a pipeline's temporary folder) as they are.
            reader.Error($"{reader.Name(ConfigKeys.DevicesCsv)} {problem}");
        }

        if (groupTag is not null && groupTag.Contains(','))
        {
            reader.Error($"{reader.Name(ConfigKeys.DevicesGroupTag)} holds a comma; accepted: a group tag without commas, as the CSV's Group Tag column takes it.");
        }

        if (user is not null && !System.Text.RegularExpressions.Regex.IsMatch(user, @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
        {
            reader.Error($"{reader.Name(ConfigKeys.DevicesAssignedUser)} is \"{user}\"; accepted: a user principal name like person@contoso.com.");
        }

        return new DevicesSettings(csv, groupTag, user, whenRemoved);
    }

    private static DeploymentProfileSettings? ReadDeploymentProfile(ConfigValueReader reader, bool autopilotGroup)
    {
        var create = reader.Boolean(ConfigKeys.CreateDeploymentProfile);
        var profile = new DeploymentProfileSettings(
            reader.Text(ConfigKeys.ProfileDisplayName, 200, "a profile name") ?? DefaultDeploymentProfileName,
            reader.Text(ConfigKeys.ProfileDescription, 1500, "a description"),
            reader.Text(ConfigKeys.ProfileLocale, 20, "a Windows display language such as en-US (\"\" lets the person select it)", allowEmpty: true),
            reader.Text(ConfigKeys.ProfileDeviceNameTemplate, 15 + 64, "a device name template"),
            reader.Choice(ConfigKeys.ProfileUserType, ["standard", "administrator"]),
            reader.Boolean(ConfigKeys.ProfilePrivacySettingsHidden),
            reader.Boolean(ConfigKeys.ProfileEulaHidden),
            reader.Boolean(ConfigKeys.ProfileKeyboardSelectionPageSkipped),
            reader.Boolean(ConfigKeys.ProfileEscapeLinkHidden),
            reader.Boolean(ConfigKeys.ProfilePreprovisioningAllowed),
            reader.Boolean(ConfigKeys.ProfileHardwareHashExtractionEnabled))
        {
            AssignedGroupIds = reader.ObjectIds(ConfigKeys.ProfileAssignedGroupIds),
            ExcludedGroupIds = reader.ObjectIds(ConfigKeys.ProfileExcludedGroupIds),
        };
        return Created(reader, create, ConfigKeys.CreateDeploymentProfile, ConfigKeys.ProfileSettingKeys, autopilotGroup || profile.AssignedGroupIds.Count > 0, "profile",
            ConfigKeys.ProfileAssignedGroupIds) ? profile : null;
    }

    /// <summary>
    /// Whether an object assigned to the Autopilot device group (or to existing groups, <paramref name="assignedKey"/>) is
    /// created: its settings without <paramref name="createKey"/> true, or the object assigned to no group, are errors.
    /// </summary>
    private static bool Created(ConfigValueReader reader, bool? create, string createKey, IReadOnlyList<string> settingKeys, bool assigned, string what, string assignedKey)
    {
        if (create != true)
        {
            var set = settingKeys.Where(reader.IsSet).Select(reader.Name).ToList();
            if (set.Count > 0)
            {
                reader.Error($"{string.Join(", ", set)} {(set.Count == 1 ? "is" : "are")} set but {reader.Name(createKey)} "
                    + $"{(create is null ? "is not set (default false)" : "is false")}; set it to true to create the {what}, or remove them.");
            }

            return false;
        }

        if (!assigned)
        {
            reader.Error($"{reader.Name(createKey)} is true but {reader.Name(ConfigKeys.CreateAutopilotGroup)} is false and {reader.Name(assignedKey)} lists no group: "
                + $"the {what} is assigned to the Autopilot device group this program creates, or to the existing groups listed there; create the group, list groups, "
                + $"or do not create the {what}.");
        }

        return true;
    }

    private static EnrollmentSettings? ReadEnrollment(ConfigValueReader reader)
    {
        var mdm = ReadUserScope(reader, ConfigKeys.MdmScope, ConfigKeys.MdmGroupIds, "MDM user scope");
        var mam = ReadUserScope(reader, ConfigKeys.MamScope, ConfigKeys.MamGroupIds, "MAM user scope");
        return mdm is null && mam is null ? null : new EnrollmentSettings(mdm, mam);
    }

    private static UserScopeSettings? ReadUserScope(ConfigValueReader reader, string scopeKey, string groupsKey, string what)
    {
        var scope = reader.Scope(scopeKey);
        var groupIds = reader.ObjectIds(groupsKey);
        if (reader.Failed(scopeKey))
        {
            return null;
        }

        if (scope == MembershipScope.Selected)
        {
            if (groupIds.Count == 0)
            {
                reader.Error(
                    $"{reader.Name(scopeKey)} is \"selected\" but {reader.Name(groupsKey)} lists no group; Graph reaches \"selected\" by adding groups, "
                    + $"so list at least one group object id, or set {reader.Name(scopeKey)} to \"all\" or \"none\".");
            }

            return new UserScopeSettings(MembershipScope.Selected, groupIds);
        }

        var scopeIs = scope is { } value ? $"is \"{value.ToContractValue()}\"" : "is not set";
        RejectMembersOutsideSelected(reader, scopeKey, scopeIs, groupsKey, groupIds, $"groups of the {what}");
        return scope is { } declared ? new UserScopeSettings(declared, []) : null;
    }

    private static MembershipSettings? ReadRegisteringUsersLocalAdmins(ConfigValueReader reader)
    {
        var scope = reader.Scope(ConfigKeys.RegisteringUsersLocalAdminScope);
        var userIds = reader.ObjectIds(ConfigKeys.RegisteringUsersLocalAdminUserIds);
        var groupIds = reader.ObjectIds(ConfigKeys.RegisteringUsersLocalAdminGroupIds);

        if (reader.Failed(ConfigKeys.RegisteringUsersLocalAdminScope))
        {
            return null;
        }

        if (scope == MembershipScope.Selected)
        {
            if (userIds.Count == 0 && groupIds.Count == 0)
            {
                reader.Error(
                    $"{reader.Name(ConfigKeys.RegisteringUsersLocalAdminScope)} is \"selected\" but neither "
                    + $"{reader.Name(ConfigKeys.RegisteringUsersLocalAdminUserIds)} nor {reader.Name(ConfigKeys.RegisteringUsersLocalAdminGroupIds)} is set; "
                    + $"list at least one user or group, or set {reader.Name(ConfigKeys.RegisteringUsersLocalAdminScope)} to \"all\" or \"none\".");
            }

            return new MembershipSettings(MembershipScope.Selected, userIds, groupIds);
        }

        var scopeIs = scope is { } value ? $"is \"{value.ToContractValue()}\"" : "is not set";
        RejectMembersOutsideSelected(
            reader, ConfigKeys.RegisteringUsersLocalAdminScope, scopeIs, ConfigKeys.RegisteringUsersLocalAdminUserIds, userIds, "registering users made local administrators");
        RejectMembersOutsideSelected(
            reader, ConfigKeys.RegisteringUsersLocalAdminScope, scopeIs, ConfigKeys.RegisteringUsersLocalAdminGroupIds, groupIds, "registering users made local administrators");

        return scope is { } declared ? new MembershipSettings(declared, [], []) : null;
    }

    private static void RejectMembersOutsideSelected(
        ConfigValueReader reader, string scopeKey, string scopeIs, string membersKey, IReadOnlyList<string> members, string what)
    {
        if (members.Count > 0)
        {
            reader.Error(
                $"{reader.Name(membersKey)} is set but {reader.Name(scopeKey)} {scopeIs}; "
                + $"{what} are listed only when {reader.Name(scopeKey)} is \"selected\".");
        }
    }

    /// <summary>The display name of a group this program creates when <paramref name="createKey"/> says so, else null.</summary>
    private static string? ReadCreatedGroupName(
        ConfigValueReader reader, string createKey, string nameKey, bool createByDefault, string defaultName)
    {
        var create = reader.Boolean(createKey);
        var name = reader.GroupName(nameKey);
        if (reader.Failed(createKey))
        {
            return null;
        }

        var creates = create ?? createByDefault;
        if (name is not null && !creates)
        {
            var createIs = create is null ? "is not set (default false)" : "is false";
            reader.Error(
                $"{reader.Name(nameKey)} is set but {reader.Name(createKey)} {createIs}; the name applies only to the group this program creates; "
                + $"set {reader.Name(createKey)} to true, or remove {reader.Name(nameKey)}.");
        }

        return creates ? name ?? defaultName : null;
    }
}
