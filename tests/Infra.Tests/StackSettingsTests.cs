using Infra.Settings;

namespace Infra.Tests;

/// <summary>Pure tests of the configuration validation: no Pulumi runtime. One named test per error.</summary>
public sealed class StackSettingsTests
{
    private const string Ns = "entra-device-settings";

    private static StackSettings Parse(params (string Key, string? Value)[] values)
        => StackSettings.Parse(StructuredKeys.Values(values), Ns);

    private static IReadOnlyList<string> Errors(params (string Key, string? Value)[] values)
        => Assert.Throws<StackSettingsException>(() => Parse(values)).Errors;

    private static string SingleError(params (string Key, string? Value)[] values)
        => Assert.Single(Errors(values));

    // ---- Valid configurations ----

    [Fact]
    public void Empty_configuration_leaves_the_policy_alone_and_only_creates_the_autopilot_group()
    {
        var settings = Parse();

        Assert.Null(settings.Join);
        Assert.Null(settings.UserDeviceQuota);
        Assert.Null(settings.RequireMfa);
        Assert.Null(settings.GlobalAdminsAsLocalAdmins);
        Assert.Null(settings.RegisteringUsersLocalAdmins);
        Assert.Null(settings.LapsEnabled);
        Assert.Null(settings.LocalAdminsGroupName);
        Assert.Equal(StackSettings.DefaultAutopilotGroupName, settings.AutopilotGroupName);
        Assert.Null(settings.RestrictBitLockerKeySelfRecovery);
        Assert.Null(settings.OnDestroy);
    }

    [Fact]
    public void Selected_join_scope_with_a_created_group_uses_the_default_group_name()
    {
        var settings = Parse(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"), ("joinGroup.memberGroupIds", "aaaaaaaa-0000-0000-0000-000000000009"));

        var join = Assert.IsType<JoinSettings>(settings.Join);
        Assert.Equal(MembershipScope.Selected, join.Scope);
        Assert.Equal(StackSettings.DefaultJoinGroupName, join.CreatedGroupName);
        Assert.Empty(join.ExistingGroupIds);
        Assert.Empty(join.UserIds);
    }

    [Fact]
    public void Object_ids_are_read_from_json_lists_and_comma_separated_strings_lower_cased_without_duplicates()
    {
        var settings = Parse(
            ("deviceRegistrationPolicy.joinScope", "Selected"),
            ("deviceRegistrationPolicy.joinGroupIds", "[\"AAAAAAAA-0000-0000-0000-000000000001\", \"aaaaaaaa-0000-0000-0000-000000000001\"]"),
            ("deviceRegistrationPolicy.joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002, bbbbbbbb-0000-0000-0000-000000000003"));

        var join = Assert.IsType<JoinSettings>(settings.Join);
        Assert.Equal(new[] { "aaaaaaaa-0000-0000-0000-000000000001" }, join.ExistingGroupIds);
        Assert.Equal(new[] { "bbbbbbbb-0000-0000-0000-000000000002", "bbbbbbbb-0000-0000-0000-000000000003" }, join.UserIds);
        Assert.Null(join.CreatedGroupName);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("unlimited", int.MaxValue)]
    public void User_device_quota_accepts_0_to_100_and_unlimited(string value, int expected)
        => Assert.Equal(expected, Parse(("deviceRegistrationPolicy.userDeviceQuota", value)).UserDeviceQuota);

    [Fact]
    public void Every_setting_is_read()
    {
        var settings = Parse(
            ("deviceRegistrationPolicy.joinScope", "none"),
            ("deviceRegistrationPolicy.userDeviceQuota", "5"),
            ("deviceRegistrationPolicy.requireMfa", "true"),
            ("deviceRegistrationPolicy.globalAdminsAsLocalAdmins", "false"),
            ("deviceRegistrationPolicy.registeringUsersLocalAdminScope", "selected"),
            ("deviceRegistrationPolicy.registeringUsersLocalAdminGroupIds", "[\"cccccccc-0000-0000-0000-000000000004\"]"),
            ("deviceRegistrationPolicy.lapsEnabled", "true"),
            ("localAdminsGroup.create", "true"),
            ("localAdminsGroup.name", "Device admins"),
            ("autopilotGroup.create", "false"),
            ("bitLockerKeyRecoveryRestriction.restrictOwnersFromReadingKeys", "true"),
            ("deviceRegistrationPolicy.onDestroy", "restoredefaults"));

        var join = Assert.IsType<JoinSettings>(settings.Join);
        Assert.Equal(MembershipScope.None, join.Scope);
        Assert.Empty(join.UserIds);
        Assert.Empty(join.ExistingGroupIds);
        Assert.Null(join.CreatedGroupName);
        Assert.Equal(5, settings.UserDeviceQuota);
        Assert.True(settings.RequireMfa);
        Assert.False(settings.GlobalAdminsAsLocalAdmins);
        var registeringUsers = Assert.IsType<MembershipSettings>(settings.RegisteringUsersLocalAdmins);
        Assert.Equal(MembershipScope.Selected, registeringUsers.Scope);
        Assert.Equal(new[] { "cccccccc-0000-0000-0000-000000000004" }, registeringUsers.GroupIds);
        Assert.Empty(registeringUsers.UserIds);
        Assert.True(settings.LapsEnabled);
        Assert.Equal("Device admins", settings.LocalAdminsGroupName);
        Assert.Null(settings.AutopilotGroupName);
        Assert.True(settings.RestrictBitLockerKeySelfRecovery);
        Assert.Equal(StackSettings.RestoreDefaults, settings.OnDestroy);
    }

    // ---- One test per error ----

    [Fact]
    public void Unknown_key_is_rejected_with_the_closest_known_key_and_the_accepted_keys()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.requireMFA' is not a setting of this program. Did you mean '{Ns}:deviceRegistrationPolicy.requireMfa'? "
            + $"Accepted keys: {string.Join(", ", ConfigKeys.All)}.",
            SingleError(("deviceRegistrationPolicy.requireMFA", "true")));

    [Fact]
    public void A_selected_scope_whose_only_group_is_the_created_empty_one_fails_naming_what_to_add()
    {
        var error = SingleError(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"));

        Assert.Contains("it would be created empty, and nobody could join devices", error);
        foreach (var key in new[] { "joinGroup.memberGroupIds", "joinGroup.memberUserIds", "joinGroup.membershipRule", "joinGroup.membersManagedElsewhere" })
        {
            Assert.Contains($"'{Ns}:{key}'", error);
        }
    }

    [Fact]
    public void The_created_join_group_takes_users_and_nested_groups_or_a_rule()
    {
        var assigned = Parse(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"),
            ("joinGroup.memberUserIds", "[\"bbbbbbbb-0000-0000-0000-000000000002\"]"), ("joinGroup.memberGroupIds", "AAAAAAAA-0000-0000-0000-000000000001"));
        var dynamic = Parse(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"),
            ("joinGroup.membershipRule", "(user.userType -eq \"Member\") -and (user.accountEnabled -eq true)"));

        var members = assigned.Join!.CreatedGroupMembers!;
        Assert.Equal(["bbbbbbbb-0000-0000-0000-000000000002"], members.UserIds);
        Assert.Equal(["aaaaaaaa-0000-0000-0000-000000000001"], members.GroupIds);
        Assert.Null(members.MembershipRule);
        Assert.Equal("(user.userType -eq \"Member\") -and (user.accountEnabled -eq true)", dynamic.Join!.CreatedGroupMembers!.MembershipRule);
        Assert.Empty(assigned.Warnings);
    }

    [Fact]
    public void Members_managed_elsewhere_pass_with_a_warning_that_the_group_starts_empty()
    {
        var settings = Parse(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"), ("joinGroup.membersManagedElsewhere", "true"));

        Assert.Contains("nobody can join devices", Assert.Single(settings.Warnings));
    }

    [Fact]
    public void A_rule_with_assigned_members_fails()
        => Assert.Contains("a dynamic group has no assigned members", SingleError(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"),
            ("joinGroup.membershipRule", "(user.accountEnabled -eq true)"), ("joinGroup.memberUserIds", "bbbbbbbb-0000-0000-0000-000000000002")));

    [Fact]
    public void Join_group_members_without_the_created_group_fail()
        => Assert.Contains($"'{Ns}:joinGroup.memberUserIds' is set but '{Ns}:joinGroup.create' is not true", SingleError(
            ("deviceRegistrationPolicy.joinScope", "selected"), ("deviceRegistrationPolicy.joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002"),
            ("joinGroup.memberUserIds", "bbbbbbbb-0000-0000-0000-000000000002")));

    [Theory]
    [InlineData("entradevices:autopilotDevices")]
    [InlineData("azuread:deviceRegistrationPolicy")]
    [InlineData("entradevices:joinScope")]
    public void A_section_under_another_namespace_fails_naming_where_it_belongs(string key)
    {
        var error = Assert.Single(Assert.Throws<StackSettingsException>(() => StackSettings.Parse(StructuredKeys.Values([]), Ns, [key])).Errors);

        Assert.StartsWith($"'{key}' is under the namespace '{key[..key.IndexOf(':')]}'", error);
        Assert.Contains($"Move it to '{Ns}:{key[(key.IndexOf(':') + 1)..]}'", error);
    }

    [Fact]
    public void Keys_of_other_namespaces_that_are_not_sections_of_this_program_are_theirs()
    {
        var config = $$"""{"azuread:tenantId": "t", "entradevices:graphEndpoint": "https://graph.microsoft.com", "{{Ns}}:autopilotGroup": "{}"}""";

        Assert.Equal(["azuread:tenantId", "entradevices:graphEndpoint"], PulumiStackSettings.OtherKeys(config, Ns).Order());
        StackSettings.Parse(PulumiStackSettings.ProjectValues(config, Ns), Ns, PulumiStackSettings.OtherKeys(config, Ns));
    }

    [Fact]
    public void An_unknown_section_is_rejected_without_a_far_fetched_guess()
    {
        var error = SingleError(("tenantSettings", "{}"));

        Assert.StartsWith($"'{Ns}:tenantSettings' is not a setting of this program. Accepted keys:", error);
    }

    [Theory]
    [InlineData("joinScope", "deviceRegistrationPolicy.joinScope")]
    [InlineData("createJoinGroup", "joinGroup.create")]
    [InlineData("restrictBitLockerKeySelfRecovery", "bitLockerKeyRecoveryRestriction.restrictOwnersFromReadingKeys")]
    public void A_flat_key_of_an_earlier_version_says_what_replaced_it(string old, string replacement)
    {
        var error = SingleError((old, "true"));

        Assert.Contains($"'{Ns}:{old}' is a key of an earlier version; it is now '{Ns}:{replacement}'", error);
        Assert.Contains($"pulumi config set --path {replacement}", error);
    }

    [Fact]
    public void A_section_that_is_not_an_object_is_rejected()
    {
        var error = SingleError(("deviceRegistrationPolicy", "selected"));

        Assert.Contains($"'{Ns}:deviceRegistrationPolicy' must be an object of settings", error);
    }

    [Fact]
    public void Every_problem_of_every_section_is_reported_together()
    {
        var errors = Errors(("deviceRegistrationPolicy.userDeviceQuota", "500"), ("joinGroup.name", ""), ("lapsEnabled", "true"));

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Typed_values_of_a_structured_section_read_as_pulumi_hands_them_over()
    {
        var settings = StackSettings.Parse(new Dictionary<string, string?>
        {
            ["deviceRegistrationPolicy"] = """{"userDeviceQuota":20,"requireMfa":true,"joinScope":"selected","joinGroupIds":["aaaaaaaa-0000-0000-0000-000000000001"]}""",
        }, Ns);

        Assert.Equal(20, settings.UserDeviceQuota);
        Assert.True(settings.RequireMfa);
        Assert.Equal(["aaaaaaaa-0000-0000-0000-000000000001"], settings.Join!.ExistingGroupIds);
    }

    [Fact]
    public void Scope_outside_all_selected_none_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinScope' is \"everyone\"; accepted values: \"all\", \"selected\", \"none\".",
            SingleError(("deviceRegistrationPolicy.joinScope", "everyone")));

    [Fact]
    public void Boolean_that_is_neither_true_nor_false_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.requireMfa' is \"yes\"; accepted values: true, false.",
            SingleError(("deviceRegistrationPolicy.requireMfa", "yes")));

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("twenty")]
    [InlineData("2147483646")]
    public void User_device_quota_outside_0_to_100_or_unlimited_is_rejected(string value)
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.userDeviceQuota' is \"{value}\"; accepted values: a whole number from 0 to 100, "
            + "or \"unlimited\" (also written 2147483647) for no limit.",
            SingleError(("deviceRegistrationPolicy.userDeviceQuota", value)));

    [Fact]
    public void Object_id_that_is_not_a_guid_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinGroupIds' contains \"sales-team\", which is not an object id; accepted values: "
            + "object ids (GUIDs) such as \"00000000-0000-0000-0000-000000000000\".",
            SingleError(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"), ("deviceRegistrationPolicy.joinGroupIds", "[\"sales-team\"]")));

    [Fact]
    public void Object_id_list_that_is_not_a_list_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinUserIds' is \"[1, 2]\", which is not a list; accepted values: a list of object ids (GUIDs), "
            + "as a YAML list or a comma-separated string.",
            SingleError(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"), ("deviceRegistrationPolicy.joinUserIds", "[1, 2]")));

    [Fact]
    public void Selected_join_scope_without_any_group_or_user_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinScope' is \"selected\" but none of '{Ns}:deviceRegistrationPolicy.joinGroupIds', '{Ns}:deviceRegistrationPolicy.joinUserIds' or "
            + $"'{Ns}:joinGroup.create' (true) is set, so nobody could join devices; "
            + $"set at least one of them, or set '{Ns}:deviceRegistrationPolicy.joinScope' to \"all\" or \"none\".",
            SingleError(("deviceRegistrationPolicy.joinScope", "selected")));

    [Fact]
    public void Created_join_group_without_selected_join_scope_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinGroup.create' is true but '{Ns}:deviceRegistrationPolicy.joinScope' is \"all\"; "
            + $"the join group is used only when '{Ns}:deviceRegistrationPolicy.joinScope' is \"selected\".",
            SingleError(("deviceRegistrationPolicy.joinScope", "all"), ("joinGroup.create", "true")));

    [Fact]
    public void Join_group_ids_without_selected_join_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinGroupIds' is set but '{Ns}:deviceRegistrationPolicy.joinScope' is not set; "
            + $"groups allowed to join are listed only when '{Ns}:deviceRegistrationPolicy.joinScope' is \"selected\".",
            SingleError(("deviceRegistrationPolicy.joinGroupIds", "aaaaaaaa-0000-0000-0000-000000000001")));

    [Fact]
    public void Join_user_ids_without_selected_join_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinUserIds' is set but '{Ns}:deviceRegistrationPolicy.joinScope' is \"none\"; "
            + $"users allowed to join are listed only when '{Ns}:deviceRegistrationPolicy.joinScope' is \"selected\".",
            SingleError(("deviceRegistrationPolicy.joinScope", "none"), ("deviceRegistrationPolicy.joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002")));

    [Fact]
    public void Join_group_name_without_created_join_group_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinGroup.name' is set but '{Ns}:joinGroup.create' is not set (default false); "
            + $"the name applies only to the group this program creates; set '{Ns}:joinGroup.create' to true, or remove '{Ns}:joinGroup.name'.",
            SingleError(("deviceRegistrationPolicy.joinScope", "selected"), ("deviceRegistrationPolicy.joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002"), ("joinGroup.name", "Joiners")));

    [Fact]
    public void Group_name_longer_than_256_characters_is_rejected()
    {
        var name = new string('x', 257);
        Assert.Equal(
            $"'{Ns}:localAdminsGroup.name' is \"{name}\"; accepted values: a group display name of 1 to 256 characters.",
            SingleError(("localAdminsGroup.create", "true"), ("localAdminsGroup.name", name)));
    }

    [Fact]
    public void Selected_registering_users_scope_without_any_user_or_group_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminScope' is \"selected\" but neither '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminUserIds' "
            + $"nor '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminGroupIds' is set; list at least one user or group, "
            + $"or set '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminScope' to \"all\" or \"none\".",
            SingleError(("deviceRegistrationPolicy.registeringUsersLocalAdminScope", "selected")));

    [Fact]
    public void Registering_user_ids_without_selected_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminUserIds' is set but '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminScope' is \"all\"; "
            + $"registering users made local administrators are listed only when '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminScope' is \"selected\".",
            SingleError(("deviceRegistrationPolicy.registeringUsersLocalAdminScope", "all"), ("deviceRegistrationPolicy.registeringUsersLocalAdminUserIds", "bbbbbbbb-0000-0000-0000-000000000002")));

    [Fact]
    public void Registering_group_ids_without_selected_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminGroupIds' is set but '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminScope' is not set; "
            + $"registering users made local administrators are listed only when '{Ns}:deviceRegistrationPolicy.registeringUsersLocalAdminScope' is \"selected\".",
            SingleError(("deviceRegistrationPolicy.registeringUsersLocalAdminGroupIds", "cccccccc-0000-0000-0000-000000000004")));

    [Fact]
    public void Local_admins_group_name_without_created_group_is_rejected()
        => Assert.Equal(
            $"'{Ns}:localAdminsGroup.name' is set but '{Ns}:localAdminsGroup.create' is false; "
            + $"the name applies only to the group this program creates; set '{Ns}:localAdminsGroup.create' to true, or remove '{Ns}:localAdminsGroup.name'.",
            SingleError(("localAdminsGroup.create", "false"), ("localAdminsGroup.name", "Device admins")));

    [Fact]
    public void Autopilot_group_name_when_the_group_is_not_created_is_rejected()
        => Assert.Equal(
            $"'{Ns}:autopilotGroup.name' is set but '{Ns}:autopilotGroup.create' is false; "
            + $"the name applies only to the group this program creates; set '{Ns}:autopilotGroup.create' to true, or remove '{Ns}:autopilotGroup.name'.",
            SingleError(("autopilotGroup.create", "false"), ("autopilotGroup.name", "Autopilot")));

    [Fact]
    public void On_destroy_outside_restore_original_or_defaults_is_rejected()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.onDestroy' is \"delete\"; accepted values: \"restoreOriginal\", \"restoreDefaults\".",
            SingleError(("deviceRegistrationPolicy.onDestroy", "delete")));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var exception = Assert.Throws<StackSettingsException>(() => Parse(
            ("deviceRegistrationPolicy.joinScope", "selected"),
            ("deviceRegistrationPolicy.userDeviceQuota", "500"),
            ("deviceRegistrationPolicy.lapsEnabled", "on")));

        Assert.Equal(3, exception.Errors.Count);
        Assert.StartsWith("Invalid stack configuration:\n  - ", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Errors, error => Assert.Contains(error, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_scope_is_reported_alone_without_the_checks_that_depend_on_it()
        => Assert.Equal(
            $"'{Ns}:deviceRegistrationPolicy.joinScope' is \"some\"; accepted values: \"all\", \"selected\", \"none\".",
            SingleError(("deviceRegistrationPolicy.joinScope", "some"), ("deviceRegistrationPolicy.joinGroupIds", "aaaaaaaa-0000-0000-0000-000000000001")));

    // ---- Automatic Intune enrollment (step 1) ----

    private const string GroupA = "aaaaaaaa-0000-0000-0000-000000000001";

    [Fact]
    public void Enrollment_is_not_declared_unless_a_scope_is_set()
    {
        Assert.Null(Parse().Enrollment);
        Assert.Empty(Parse().Warnings);
    }

    [Fact]
    public void Enrollment_reads_both_scopes_and_the_selected_groups()
    {
        var settings = Parse(
            ("automaticIntuneEnrollment.mdmScope", "selected"),
            ("automaticIntuneEnrollment.mdmGroupIds", $"[\"{GroupA.ToUpperInvariant()}\"]"),
            ("automaticIntuneEnrollment.mamScope", "none"));

        var enrollment = Assert.IsType<EnrollmentSettings>(settings.Enrollment);
        Assert.Equal(new UserScopeSettings(MembershipScope.Selected, [GroupA]).Scope, enrollment.Mdm!.Scope);
        Assert.Equal([GroupA], enrollment.Mdm.GroupIds);
        Assert.Equal(MembershipScope.None, enrollment.Mam!.Scope);
        Assert.Empty(enrollment.Mam.GroupIds);
    }

    [Fact]
    public void Enrollment_selected_without_groups_is_an_error_naming_both_keys()
    {
        var error = SingleError(("automaticIntuneEnrollment.mdmScope", "selected"));

        Assert.Contains("'entra-device-settings:automaticIntuneEnrollment.mdmScope'", error);
        Assert.Contains("'entra-device-settings:automaticIntuneEnrollment.mdmGroupIds'", error);
    }

    [Fact]
    public void Enrollment_groups_without_selected_are_an_error()
    {
        var error = SingleError(("automaticIntuneEnrollment.mamScope", "all"), ("automaticIntuneEnrollment.mamGroupIds", GroupA));

        Assert.Contains("mamGroupIds", error);
        Assert.Contains("\"selected\"", error);
    }

    [Fact]
    public void Enrollment_scope_values_are_named_when_wrong()
    {
        var error = SingleError(("automaticIntuneEnrollment.mdmScope", "some"));

        Assert.Contains("mdmScope", error);
        Assert.Contains("selected", error);
    }

    [Fact]
    public void Mdm_scope_none_with_the_autopilot_group_warns_that_devices_never_enroll()
    {
        var warning = Assert.Single(Parse(("automaticIntuneEnrollment.mdmScope", "none")).Warnings);

        Assert.Contains("automaticIntuneEnrollment.mdmScope", warning);
        Assert.Contains("never enroll in Intune", warning);
        Assert.Empty(Parse(("automaticIntuneEnrollment.mdmScope", "none"), ("autopilotGroup.create", "false")).Warnings);
        Assert.Empty(Parse(("automaticIntuneEnrollment.mdmScope", "all")).Warnings);
    }

    // ---- Autopilot deployment profile (step 6) ----

    [Fact]
    public void No_deployment_profile_unless_asked_for()
    {
        Assert.Null(Parse().DeploymentProfile);
        Assert.Null(Parse(("deploymentProfile.create", "false")).DeploymentProfile);
    }

    [Fact]
    public void The_deployment_profile_reads_its_settings_and_defaults_its_name()
    {
        var profile = Parse(("deploymentProfile.create", "true"), ("deploymentProfile.deviceNameTemplate", "PC-%SERIAL%"),
            ("deploymentProfile.locale", ""), ("deploymentProfile.userType", "Standard"), ("deploymentProfile.eulaHidden", "true")).DeploymentProfile!;

        Assert.Equal(StackSettings.DefaultDeploymentProfileName, profile.DisplayName);
        Assert.Equal("PC-%SERIAL%", profile.DeviceNameTemplate);
        Assert.Equal("", profile.Locale);
        Assert.Equal("standard", profile.UserType);
        Assert.True(profile.EulaHidden);
        Assert.Null(profile.PrivacySettingsHidden);
    }

    [Fact]
    public void Deployment_profile_settings_without_create_are_an_error_naming_them()
    {
        var error = SingleError(("deploymentProfile.locale", "en-US"), ("deploymentProfile.userType", "standard"));

        Assert.Contains("'entra-device-settings:deploymentProfile.locale', 'entra-device-settings:deploymentProfile.userType' are set", error);
        Assert.Contains("deploymentProfile.create", error);
    }

    [Fact]
    public void The_deployment_profile_needs_the_autopilot_group_it_is_assigned_to()
    {
        var error = SingleError(("deploymentProfile.create", "true"), ("autopilotGroup.create", "false"));

        Assert.Contains("autopilotGroup.create", error);
    }

    [Fact]
    public void A_deployment_profile_user_type_outside_the_accepted_values_is_named()
    {
        var error = SingleError(("deploymentProfile.create", "true"), ("deploymentProfile.userType", "owner"));

        Assert.Contains("deploymentProfile.userType", error);
        Assert.Contains("administrator", error);
    }

    // ---- Enrollment Status Page (step 5) ----

    [Fact]
    public void The_status_page_is_created_only_when_asked_and_reads_its_settings()
    {
        Assert.Null(Parse().StatusPage);

        var page = Parse(("enrollmentStatusPage.create", "true"), ("enrollmentStatusPage.installProgressTimeoutInMinutes", "90"),
            ("enrollmentStatusPage.showInstallationProgress", "true")).StatusPage!;

        Assert.Equal(StackSettings.DefaultStatusPageName, page.DisplayName);
        Assert.Equal(90, page.InstallProgressTimeoutInMinutes);
        Assert.True(page.ShowInstallationProgress);
        Assert.Null(page.CustomErrorMessage);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    [InlineData("an hour")]
    public void The_status_page_timeout_is_1_to_1440_minutes(string minutes)
    {
        var error = SingleError(("enrollmentStatusPage.create", "true"), ("enrollmentStatusPage.installProgressTimeoutInMinutes", minutes));

        Assert.Contains("installProgressTimeoutInMinutes", error);
        Assert.Contains("1 to 1440", error);
    }

    [Fact]
    public void Status_page_settings_without_create_and_a_page_without_the_group_are_errors()
    {
        Assert.Contains("enrollmentStatusPage.create", SingleError(("enrollmentStatusPage.displayName", "ESP")));
        Assert.Contains("autopilotGroup.create", SingleError(("enrollmentStatusPage.create", "true"), ("autopilotGroup.create", "false")));
    }

    [Fact]
    public void A_page_or_profile_may_be_assigned_to_existing_groups_instead_of_the_created_one()
    {
        const string A = "0b1d3c77-0000-4000-8000-00000000b001";
        const string B = "0b1d3c77-0000-4000-8000-00000000b002";
        var settings = Parse(("autopilotGroup.create", "false"), ("enrollmentStatusPage.create", "true"), ("enrollmentStatusPage.assignedGroupIds", $"[\"{A}\"]"),
            ("deploymentProfile.create", "true"), ("deploymentProfile.assignedGroupIds", $"{A},{B}"), ("deploymentProfile.excludedGroupIds", $"[\"{B}\"]"));

        Assert.Null(settings.AutopilotGroupName);
        Assert.Equal([A], settings.StatusPage!.AssignedGroupIds);
        Assert.Equal([A, B], settings.DeploymentProfile!.AssignedGroupIds);
        Assert.Equal([B], settings.DeploymentProfile.ExcludedGroupIds);
        var neither = SingleError(("autopilotGroup.create", "false"), ("deploymentProfile.create", "true"), ("deploymentProfile.excludedGroupIds", A));
        Assert.Contains($"'{Ns}:deploymentProfile.assignedGroupIds' lists no group", neither);
        Assert.Contains("not-a-guid", SingleError(("enrollmentStatusPage.create", "true"), ("enrollmentStatusPage.assignedGroupIds", "not-a-guid")));
    }

    [Fact]
    public void The_default_page_is_declared_by_any_of_its_keys_and_holds_the_page_rules()
    {
        Assert.Null(Parse().DefaultStatusPage);

        var page = Parse(("defaultEnrollmentStatusPage.installProgressTimeoutInMinutes", "45"), ("defaultEnrollmentStatusPage.blockDeviceSetupRetryByUser", "true")).DefaultStatusPage!;

        Assert.Equal(45, page.InstallProgressTimeoutInMinutes);
        Assert.True(page.BlockDeviceSetupRetryByUser);
        Assert.Null(page.ShowInstallationProgress);
        Assert.Contains("1 to 1440", SingleError(("defaultEnrollmentStatusPage.installProgressTimeoutInMinutes", "0")));
        Assert.Contains("is not a setting of this program", SingleError(("defaultEnrollmentStatusPage.displayName", "Default")));
    }

    [Fact]
    public void A_bad_autopilot_group_setting_is_one_error_not_three()
    {
        var error = SingleError(("autopilotGroup.create", "maybe"), ("enrollmentStatusPage.create", "true"), ("deploymentProfile.create", "true"));

        Assert.Contains("autopilotGroup.create", error);
        Assert.Contains("\"maybe\"", error);
    }

    [Fact]
    public void Autopilot_devices_name_a_csv_in_the_project_with_their_defaults()
    {
        var devices = Parse(("autopilotDevices.csv", "devices/dev.csv"), ("autopilotDevices.groupTag", "Sales"),
            ("autopilotDevices.assignedUser", "ana@contoso.com"), ("autopilotDevices.whenRemoved", "delete")).Devices;

        Assert.Equal(new DevicesSettings("devices/dev.csv", "Sales", "ana@contoso.com", "delete"), devices);
        Assert.Null(Parse().Devices);
    }

    [Theory]
    [InlineData("/srv/devices.csv")]
    [InlineData("../other/devices.csv")]
    public void A_devices_csv_outside_the_project_is_taken_as_the_provider_takes_it(string path)
    {
        // Issue #25: one rule for the program and the provider; a pipeline may fetch the OEM's files into a temporary folder.
        Assert.Equal(path, Parse(("autopilotDevices.csv", path)).Devices!.Csv);
    }

    [Theory]
    [InlineData("devices/dev\0.csv", "is a path with a control character (such as NUL or a line end) in it")]
    public void A_devices_path_of_no_possible_file_is_rejected_as_the_provider_rejects_it(string path, string expected)
        => Assert.Contains(expected, SingleError(("autopilotDevices.csv", path)));

    [Fact]
    public void Device_defaults_without_a_csv_and_bad_defaults_are_rejected()
    {
        Assert.Contains("'entra-device-settings:autopilotDevices.csv' is not", SingleError(("autopilotDevices.groupTag", "Sales")));
        var errors = Errors(("autopilotDevices.csv", "devices/dev.csv"), ("autopilotDevices.groupTag", "a,b"),
            ("autopilotDevices.assignedUser", "ana"), ("autopilotDevices.whenRemoved", "purge"));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("accepted values: \"keep\", \"delete\"", StringComparison.Ordinal));
    }
}
