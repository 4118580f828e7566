using Infra.Settings;

namespace Infra.Tests;

/// <summary>Pure tests of the configuration validation: no Pulumi runtime. One named test per error.</summary>
public sealed class StackSettingsTests
{
    private const string Ns = "entra-device-settings";

    private static StackSettings Parse(params (string Key, string? Value)[] values)
        => StackSettings.Parse(values.ToDictionary(pair => pair.Key, pair => pair.Value), Ns);

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
        var settings = Parse(("joinScope", "selected"), ("createJoinGroup", "true"));

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
            ("joinScope", "Selected"),
            ("joinGroupIds", "[\"AAAAAAAA-0000-0000-0000-000000000001\", \"aaaaaaaa-0000-0000-0000-000000000001\"]"),
            ("joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002, bbbbbbbb-0000-0000-0000-000000000003"));

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
        => Assert.Equal(expected, Parse(("userDeviceQuota", value)).UserDeviceQuota);

    [Fact]
    public void Every_setting_is_read()
    {
        var settings = Parse(
            ("joinScope", "none"),
            ("userDeviceQuota", "5"),
            ("requireMfa", "true"),
            ("globalAdminsAsLocalAdmins", "false"),
            ("registeringUsersLocalAdminScope", "selected"),
            ("registeringUsersLocalAdminGroupIds", "[\"cccccccc-0000-0000-0000-000000000004\"]"),
            ("lapsEnabled", "true"),
            ("createLocalAdminsGroup", "true"),
            ("localAdminsGroupName", "Device admins"),
            ("createAutopilotGroup", "false"),
            ("restrictBitLockerKeySelfRecovery", "true"),
            ("onDestroy", "restoredefaults"));

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
    public void Unknown_key_is_rejected_with_the_accepted_keys()
        => Assert.Equal(
            $"'{Ns}:joinscope' is not a setting of this program; accepted keys: {string.Join(", ", ConfigKeys.All)}.",
            SingleError(("joinscope", "all")));

    [Fact]
    public void Scope_outside_all_selected_none_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinScope' is \"everyone\"; accepted values: \"all\", \"selected\", \"none\".",
            SingleError(("joinScope", "everyone")));

    [Fact]
    public void Boolean_that_is_neither_true_nor_false_is_rejected()
        => Assert.Equal(
            $"'{Ns}:requireMfa' is \"yes\"; accepted values: true, false.",
            SingleError(("requireMfa", "yes")));

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("twenty")]
    [InlineData("2147483646")]
    public void User_device_quota_outside_0_to_100_or_unlimited_is_rejected(string value)
        => Assert.Equal(
            $"'{Ns}:userDeviceQuota' is \"{value}\"; accepted values: a whole number from 0 to 100, "
            + "or \"unlimited\" (also written 2147483647) for no limit.",
            SingleError(("userDeviceQuota", value)));

    [Fact]
    public void Object_id_that_is_not_a_guid_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinGroupIds' contains \"sales-team\", which is not an object id; accepted values: "
            + "object ids (GUIDs) such as \"00000000-0000-0000-0000-000000000000\".",
            SingleError(("joinScope", "selected"), ("createJoinGroup", "true"), ("joinGroupIds", "[\"sales-team\"]")));

    [Fact]
    public void Object_id_list_that_is_not_a_list_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinUserIds' is \"[1, 2]\", which is not a list; accepted values: a list of object ids (GUIDs), "
            + "as a YAML list or a comma-separated string.",
            SingleError(("joinScope", "selected"), ("createJoinGroup", "true"), ("joinUserIds", "[1, 2]")));

    [Fact]
    public void Selected_join_scope_without_any_group_or_user_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinScope' is \"selected\" but none of '{Ns}:joinGroupIds', '{Ns}:joinUserIds' or "
            + $"'{Ns}:createJoinGroup' (true) is set, so nobody could join devices; "
            + $"set at least one of them, or set '{Ns}:joinScope' to \"all\" or \"none\".",
            SingleError(("joinScope", "selected")));

    [Fact]
    public void Created_join_group_without_selected_join_scope_is_rejected()
        => Assert.Equal(
            $"'{Ns}:createJoinGroup' is true but '{Ns}:joinScope' is \"all\"; "
            + $"the join group is used only when '{Ns}:joinScope' is \"selected\".",
            SingleError(("joinScope", "all"), ("createJoinGroup", "true")));

    [Fact]
    public void Join_group_ids_without_selected_join_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:joinGroupIds' is set but '{Ns}:joinScope' is not set; "
            + $"groups allowed to join are listed only when '{Ns}:joinScope' is \"selected\".",
            SingleError(("joinGroupIds", "aaaaaaaa-0000-0000-0000-000000000001")));

    [Fact]
    public void Join_user_ids_without_selected_join_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:joinUserIds' is set but '{Ns}:joinScope' is \"none\"; "
            + $"users allowed to join are listed only when '{Ns}:joinScope' is \"selected\".",
            SingleError(("joinScope", "none"), ("joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002")));

    [Fact]
    public void Join_group_name_without_created_join_group_is_rejected()
        => Assert.Equal(
            $"'{Ns}:joinGroupName' is set but '{Ns}:createJoinGroup' is not set (default false); "
            + $"the name applies only to the group this program creates; set '{Ns}:createJoinGroup' to true, or remove '{Ns}:joinGroupName'.",
            SingleError(("joinScope", "selected"), ("joinUserIds", "bbbbbbbb-0000-0000-0000-000000000002"), ("joinGroupName", "Joiners")));

    [Fact]
    public void Group_name_longer_than_256_characters_is_rejected()
    {
        var name = new string('x', 257);
        Assert.Equal(
            $"'{Ns}:localAdminsGroupName' is \"{name}\"; accepted values: a group display name of 1 to 256 characters.",
            SingleError(("createLocalAdminsGroup", "true"), ("localAdminsGroupName", name)));
    }

    [Fact]
    public void Selected_registering_users_scope_without_any_user_or_group_is_rejected()
        => Assert.Equal(
            $"'{Ns}:registeringUsersLocalAdminScope' is \"selected\" but neither '{Ns}:registeringUsersLocalAdminUserIds' "
            + $"nor '{Ns}:registeringUsersLocalAdminGroupIds' is set; list at least one user or group, "
            + $"or set '{Ns}:registeringUsersLocalAdminScope' to \"all\" or \"none\".",
            SingleError(("registeringUsersLocalAdminScope", "selected")));

    [Fact]
    public void Registering_user_ids_without_selected_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:registeringUsersLocalAdminUserIds' is set but '{Ns}:registeringUsersLocalAdminScope' is \"all\"; "
            + $"registering users made local administrators are listed only when '{Ns}:registeringUsersLocalAdminScope' is \"selected\".",
            SingleError(("registeringUsersLocalAdminScope", "all"), ("registeringUsersLocalAdminUserIds", "bbbbbbbb-0000-0000-0000-000000000002")));

    [Fact]
    public void Registering_group_ids_without_selected_scope_are_rejected()
        => Assert.Equal(
            $"'{Ns}:registeringUsersLocalAdminGroupIds' is set but '{Ns}:registeringUsersLocalAdminScope' is not set; "
            + $"registering users made local administrators are listed only when '{Ns}:registeringUsersLocalAdminScope' is \"selected\".",
            SingleError(("registeringUsersLocalAdminGroupIds", "cccccccc-0000-0000-0000-000000000004")));

    [Fact]
    public void Local_admins_group_name_without_created_group_is_rejected()
        => Assert.Equal(
            $"'{Ns}:localAdminsGroupName' is set but '{Ns}:createLocalAdminsGroup' is false; "
            + $"the name applies only to the group this program creates; set '{Ns}:createLocalAdminsGroup' to true, or remove '{Ns}:localAdminsGroupName'.",
            SingleError(("createLocalAdminsGroup", "false"), ("localAdminsGroupName", "Device admins")));

    [Fact]
    public void Autopilot_group_name_when_the_group_is_not_created_is_rejected()
        => Assert.Equal(
            $"'{Ns}:autopilotGroupName' is set but '{Ns}:createAutopilotGroup' is false; "
            + $"the name applies only to the group this program creates; set '{Ns}:createAutopilotGroup' to true, or remove '{Ns}:autopilotGroupName'.",
            SingleError(("createAutopilotGroup", "false"), ("autopilotGroupName", "Autopilot")));

    [Fact]
    public void On_destroy_outside_restore_original_or_defaults_is_rejected()
        => Assert.Equal(
            $"'{Ns}:onDestroy' is \"delete\"; accepted values: \"restoreOriginal\", \"restoreDefaults\".",
            SingleError(("onDestroy", "delete")));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var exception = Assert.Throws<StackSettingsException>(() => Parse(
            ("joinScope", "selected"),
            ("userDeviceQuota", "500"),
            ("lapsEnabled", "on")));

        Assert.Equal(3, exception.Errors.Count);
        Assert.StartsWith("Invalid stack configuration:\n  - ", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Errors, error => Assert.Contains(error, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_scope_is_reported_alone_without_the_checks_that_depend_on_it()
        => Assert.Equal(
            $"'{Ns}:joinScope' is \"some\"; accepted values: \"all\", \"selected\", \"none\".",
            SingleError(("joinScope", "some"), ("joinGroupIds", "aaaaaaaa-0000-0000-0000-000000000001")));
}
