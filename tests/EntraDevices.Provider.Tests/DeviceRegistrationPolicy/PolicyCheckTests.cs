using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.DeviceRegistrationPolicy;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.DeviceRegistrationPolicy;

public class PolicyCheckTests
{
    private static readonly IResource Resource = ResourceHarness.WithoutGraph("entradevices:index:DeviceRegistrationPolicy");

    private static CheckResult Check(ObjectValue news) => Resource.Check(new ResourceCheck("urn", news, ObjectValue.Empty));

    private static CheckFailure SingleFailure(ObjectValue news)
    {
        var result = Check(news);
        return Assert.Single(result.Failures);
    }

    [Fact]
    public void Every_input_is_optional()
    {
        var result = Check(ObjectValue.Empty);

        Assert.Empty(result.Failures);
        Assert.Equal(Str("restoreOriginal"), result.Inputs.At("onDestroy"));
    }

    [Fact]
    public void A_full_valid_policy_passes_and_lists_default_to_empty()
    {
        var news = Obj(
            ("userDeviceQuota", Num(20)),
            ("multiFactorAuthConfiguration", Str("required")),
            ("azureADJoin", Obj(
                ("allowedToJoin", Obj(("scope", Str("selected")), ("groups", Ids(GroupId)))),
                ("localAdmins", Obj(("enableGlobalAdmins", Bool(false)), ("registeringUsers", Obj(("scope", Str("none")))))))),
            ("azureADRegistration", Obj(("allowedToRegister", Obj(("scope", Str("all")))))),
            ("localAdminPassword", Obj(("isEnabled", Bool(true)))),
            ("onDestroy", Str("restoreDefaults")));

        var result = Check(news);

        Assert.Empty(result.Failures);
        Assert.Empty(((ArrayValue)result.Inputs.At("azureADJoin.allowedToJoin.users")!).Items);
        Assert.Empty(((ArrayValue)result.Inputs.At("azureADJoin.localAdmins.registeringUsers.groups")!).Items);
        Assert.Equal(Str("restoreDefaults"), result.Inputs.At("onDestroy"));
    }

    [Fact]
    public void An_unknown_scope_names_the_path_and_the_accepted_values()
    {
        var failure = SingleFailure(Join(Obj(("scope", Str("some")))));

        Assert.Equal("azureADJoin.allowedToJoin.scope", failure.Property);
        Assert.Contains("\"all\", \"selected\", \"none\"", failure.Reason);
    }

    [Fact]
    public void A_membership_without_scope_is_refused()
    {
        var failure = SingleFailure(Join(Obj(("groups", Ids(GroupId)))));

        Assert.Equal("azureADJoin.allowedToJoin.scope", failure.Property);
        Assert.Contains("required", failure.Reason);
    }

    [Fact]
    public void A_non_guid_id_is_refused_with_its_index()
    {
        var failure = SingleFailure(Join(Membership("selected", groups: ["Autopilot Users"])));

        Assert.Equal("azureADJoin.allowedToJoin.groups[0]", failure.Property);
        Assert.Contains("GUID", failure.Reason);
        Assert.Contains("\"Autopilot Users\"", failure.Reason);
    }

    [Fact]
    public void A_duplicate_id_is_refused_whatever_its_letter_case()
    {
        var failure = SingleFailure(Join(Membership("selected", users: [UserId, UserId.ToUpperInvariant()])));

        Assert.Equal("azureADJoin.allowedToJoin.users[1]", failure.Property);
        Assert.Contains("repeats", failure.Reason);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("none")]
    public void Members_with_scope_all_or_none_are_refused(string scope)
    {
        var failure = SingleFailure(Join(Membership(scope, users: [UserId])));

        Assert.Equal("azureADJoin.allowedToJoin", failure.Property);
        Assert.Contains("only with scope \"selected\"", failure.Reason);
    }

    [Fact]
    public void Scope_selected_without_members_is_refused()
    {
        var failure = SingleFailure(Obj(("azureADJoin", Obj(("localAdmins", Obj(("registeringUsers", Membership("selected"))))))));

        Assert.Equal("azureADJoin.localAdmins.registeringUsers", failure.Property);
        Assert.Contains("no users or groups", failure.Reason);
    }

    [Fact]
    public void Scope_selected_with_members_not_yet_known_passes_in_preview()
    {
        var result = Check(Join(Obj(("scope", Str("selected")), ("groups", PropertyValue.Unknown))));

        Assert.Empty(result.Failures);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(2.5)]
    [InlineData(1000)]
    public void A_quota_outside_what_entra_accepts_is_refused(double quota)
    {
        var failure = SingleFailure(Obj(("userDeviceQuota", Num(quota))));

        Assert.Equal("userDeviceQuota", failure.Property);
        Assert.Contains("0 to 100", failure.Reason);
        Assert.Contains("2147483647", failure.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(2147483647)]
    public void Quotas_entra_accepts_pass(double quota) =>
        Assert.Empty(Check(Obj(("userDeviceQuota", Num(quota)))).Failures);

    [Fact]
    public void A_typo_in_a_property_name_is_refused_with_the_accepted_names()
    {
        var failure = SingleFailure(Obj(("userDeviceQuata", Num(5))));

        Assert.Equal("userDeviceQuata", failure.Property);
        Assert.Contains("userDeviceQuota", failure.Reason);
    }

    [Fact]
    public void A_typo_in_a_nested_property_is_refused()
    {
        var failure = SingleFailure(Obj(("azureADJoin", Obj(("allowedToJon", Membership("all"))))));

        Assert.Equal("azureADJoin.allowedToJon", failure.Property);
        Assert.Contains("allowedToJoin", failure.Reason);
    }

    [Fact]
    public void The_read_only_flag_is_refused_as_an_input()
    {
        var failure = SingleFailure(Obj(("azureADJoin", Obj(("isAdminConfigurable", Bool(true))))));

        Assert.Equal("azureADJoin.isAdminConfigurable", failure.Property);
        Assert.Contains("output", failure.Reason);
    }

    [Theory]
    [InlineData("multiFactorAuthConfiguration", "\"notRequired\", \"required\"")]
    [InlineData("onDestroy", "\"restoreOriginal\", \"restoreDefaults\"")]
    public void An_unknown_enum_value_lists_the_accepted_ones(string property, string accepted)
    {
        var failure = SingleFailure(Obj((property, Str("sometimes"))));

        Assert.Equal(property, failure.Property);
        Assert.Contains(accepted, failure.Reason);
    }

    [Fact]
    public void A_wrong_kind_of_value_says_what_was_expected()
    {
        var failure = SingleFailure(Obj(("localAdminPassword", Obj(("isEnabled", Str("yes"))))));

        Assert.Equal("localAdminPassword.isEnabled", failure.Property);
        Assert.Contains("true or false", failure.Reason);
    }

    [Fact]
    public void Joining_nobody_warns_that_autopilot_join_will_fail()
    {
        var result = Check(Join(Membership("none")));

        Assert.Empty(result.Failures);
        Assert.Contains(result.Warnings, w => w.Contains("Autopilot") && w.Contains("azureADJoin.allowedToJoin"));
    }

    [Fact]
    public void A_quota_of_zero_warns_of_lockout()
    {
        Assert.Contains(Check(Obj(("userDeviceQuota", Num(0)))).Warnings, w => w.Contains("Autopilot"));
    }

    [Fact]
    public void Making_every_registering_user_an_admin_warns()
    {
        var result = Check(Obj(("azureADJoin", Obj(("localAdmins", Obj(("registeringUsers", Membership("all"))))))));

        Assert.Contains(result.Warnings, w => w.Contains("local administrator"));
    }

    [Fact]
    public void Secret_inputs_are_checked_and_stay_secret()
    {
        var result = Check(Obj(("userDeviceQuota", new SecretValue(Num(5)))));

        Assert.Empty(result.Failures);
        Assert.True(result.Inputs.IsSecretAt("userDeviceQuota"));
    }

    [Fact]
    public void A_failure_about_a_secret_input_never_shows_its_value()
    {
        var failure = SingleFailure(Obj(("userDeviceQuota", new SecretValue(Num(4242)))));

        Assert.Equal("userDeviceQuota", failure.Property);
        Assert.DoesNotContain("4242", failure.Reason);
        Assert.Contains("a secret value", failure.Reason);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\n")]
    public void An_id_with_surrounding_whitespace_is_refused(string space)
    {
        var failure = SingleFailure(Join(Membership("selected", groups: [space + GroupId])));

        Assert.Equal("azureADJoin.allowedToJoin.groups[0]", failure.Property);
        Assert.Contains("GUID", failure.Reason);
    }

    [Fact]
    public void An_id_and_the_same_id_with_a_trailing_space_are_not_two_ids()
    {
        var result = Check(Join(Membership("selected", groups: [GroupId, GroupId + " "])));

        Assert.Equal("azureADJoin.allowedToJoin.groups[1]", Assert.Single(result.Failures).Property);
    }

    [Fact]
    public void A_doubly_secret_membership_keeps_its_scope_and_its_secrecy()
    {
        var membership = new SecretValue(new SecretValue(Obj(("scope", Str("none")))));
        var result = Check(Obj(("azureADJoin", Obj(("allowedToJoin", membership)))));

        Assert.Empty(result.Failures);
        Assert.Equal(Str("none"), result.Inputs.At("azureADJoin.allowedToJoin.scope"));
        Assert.True(result.Inputs.IsSecretAt("azureADJoin.allowedToJoin"));
    }
}
