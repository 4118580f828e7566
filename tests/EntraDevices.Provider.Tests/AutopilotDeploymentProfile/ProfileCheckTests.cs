using EntraDevices.Provider.Resources.AutopilotDeploymentProfile;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDeploymentProfile;

/// <summary>Every bad input of a deployment profile is a named failure at preview that says what is accepted.</summary>
public class ProfileCheckTests
{
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";

    private static ObjectValue Profile(params (string Key, PropertyValue Value)[] more) =>
        more.Aggregate(Obj(("displayName", Str("Autopilot user-driven"))), (inputs, p) => inputs.With(p.Key, p.Value));

    private static (string Property, string Reason) Single(ObjectValue news)
    {
        var failure = Assert.Single(ProfileCheck.Check(news).Failures);
        return (failure.Property, failure.Reason);
    }

    [Theory]
    [InlineData("locale")]
    [InlineData("deviceNameTemplate")]
    public void A_locale_or_name_template_that_is_not_a_string_fails(string property)
    {
        // Issue #24, 8: an array or a number passed silently.
        Assert.Equal((property, $"'{property}' must be a string; got a list."), Single(Profile((property, Ids("en-US")))));
        Assert.Equal((property, $"'{property}' must be a string; got a number."), Single(Profile((property, Num(7)))));
    }

    [Theory]
    [InlineData("locale", "xx-YY")]
    [InlineData("deviceNameTemplate", "WAY-TOO-LONG-FOR-A-NAME-%SERIAL%")]
    public void A_secret_locale_or_name_template_is_never_shown(string property, string value)
    {
        var (failed, reason) = Single(Profile((property, new SecretValue(Str(value)))));

        Assert.Equal(property, failed);
        Assert.DoesNotContain(value, reason);
        Assert.Contains("a secret value", reason);
    }

    [Fact]
    public void A_profile_with_every_field_passes()
    {
        var news = Profile(
            ("description", Str("User-driven Microsoft Entra join")), ("locale", Str("en-US")), ("deviceNameTemplate", Str("CONTOSO-%SERIAL%")),
            ("deviceType", Str("windowsPc")), ("hardwareHashExtractionEnabled", Bool(true)), ("preprovisioningAllowed", Bool(false)),
            ("roleScopeTagIds", Ids("0")),
            ("outOfBoxExperienceSetting", Obj(("privacySettingsHidden", Bool(true)), ("eulaHidden", Bool(true)), ("userType", Str("standard")),
                ("deviceUsageType", Str("singleUser")), ("keyboardSelectionPageSkipped", Bool(true)), ("escapeLinkHidden", Bool(true)))),
            ("assignments", Obj(("groups", Ids(A)), ("excludedGroups", Ids(B)))));

        var result = ProfileCheck.Check(news);

        Assert.Empty(result.Failures);
        Assert.Empty(result.Warnings);
        Assert.Equal(Bool(false), result.Inputs.At("assignments.allDevices"));
    }

    [Fact]
    public void The_display_name_is_required_and_at_most_200_characters()
    {
        Assert.Equal("displayName", Single(ObjectValue.Empty).Property);
        Assert.Contains("at most 200", Single(Obj(("displayName", Str(new string('a', 201))))).Reason);
    }

    [Fact]
    public void The_description_is_at_most_1500_characters() =>
        Assert.Equal("description", Single(Profile(("description", Str(new string('d', 1501))))).Property);

    [Theory]
    [InlineData("CONTOSO-%SERIAL%", null)]
    [InlineData("AP-%RAND:5%", null)]
    [InlineData("%SERIAL%", null)]
    [InlineData("CONTOSO-LAPTOP-%SERIAL%", "at least 16 characters")]
    [InlineData("CONTOSO-%RAND:8%", "at least 16 characters")]
    [InlineData("CONTOSO-%SERIALNUMBER%", "unknown macro '%SERIALNUMBER%'")]
    [InlineData("CONTOSO-%RAND:0%", "unknown macro '%RAND:0%'")]
    [InlineData("CONTOSO_%SERIAL%", "contains '_'")]
    [InlineData("PC %SERIAL%", "contains ' '")]
    [InlineData("123%RAND:4%", "without a letter")]
    [InlineData("-", "without a letter")]
    [InlineData("PC-%serial%", "in capitals")]
    [InlineData("AB%C", "'%' outside a macro")]
    public void Device_name_templates_follow_windows_computer_name_rules_with_the_serial_cut_to_fit(string template, string? problem)
    {
        var failures = ProfileCheck.Check(Profile(("deviceNameTemplate", Str(template)))).Failures;

        if (problem is null)
        {
            Assert.Empty(failures);
        }
        else
        {
            var failure = Assert.Single(failures);
            Assert.Equal("deviceNameTemplate", failure.Property);
            Assert.Contains(problem, failure.Reason);
        }
    }

    [Fact]
    public void An_unknown_locale_names_the_accepted_ones() =>
        Assert.Contains("\"en-US\"", Single(Profile(("locale", Str("english")))).Reason);

    [Fact]
    public void The_user_select_locale_is_the_empty_string() =>
        Assert.Empty(ProfileCheck.Check(Profile(("locale", Str("")))).Failures);

    [Theory]
    [InlineData("deviceType", "desktop")]
    [InlineData("outOfBoxExperienceSetting.userType", "owner")]
    [InlineData("outOfBoxExperienceSetting.deviceUsageType", "kiosk")]
    public void Enum_values_are_checked(string path, string value) =>
        Assert.Equal(path, Single(Profile().With(path, Str(value))).Property);

    [Fact]
    public void A_group_both_targeted_and_excluded_is_refused() =>
        Assert.Contains("both targets and excludes", Single(Profile(("assignments", Obj(("groups", Ids(A)), ("excludedGroups", Ids(A)))))).Reason);

    [Fact]
    public void All_devices_with_exclusions_is_refused_as_autopilot_does_not_support_it() =>
        Assert.Contains("does not support", Single(Profile(("assignments", Obj(("allDevices", Bool(true)), ("excludedGroups", Ids(B)))))).Reason);

    [Fact]
    public void Assignment_ids_must_be_guids_listed_once()
    {
        var failures = ProfileCheck.Check(Profile(("assignments", Obj(("groups", Ids(A, "sales", A)))))).Failures;

        Assert.Equal(["assignments.groups[1]", "assignments.groups[2]"], failures.Select(f => f.Property));
    }

    [Fact]
    public void Scope_tags_are_digit_ids_listed_once() =>
        Assert.Equal(["roleScopeTagIds[1]", "roleScopeTagIds[2]"], ProfileCheck.Check(Profile(("roleScopeTagIds", Ids("0", "default", "0")))).Failures.Select(f => f.Property));

    [Fact]
    public void An_administrator_user_type_is_a_warning_not_an_error()
    {
        var result = ProfileCheck.Check(Profile(("outOfBoxExperienceSetting", Obj(("userType", Str("administrator"))))));

        Assert.Empty(result.Failures);
        Assert.Contains("local administrator", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Unknown_properties_and_outputs_are_named()
    {
        var failures = ProfileCheck.Check(Profile(("language", Str("en-US")), ("createdDateTime", Str("2026-01-01")))).Failures;

        Assert.Contains(failures, f => f.Property == "language" && f.Reason.Contains("locale"));
        Assert.Contains(failures, f => f.Property == "createdDateTime" && f.Reason.Contains("output"));
    }

    [Fact]
    public void Unknown_values_pass_in_preview() =>
        Assert.Empty(ProfileCheck.Check(Obj(("displayName", PropertyValue.Unknown), ("assignments", Obj(("groups", PropertyValue.Unknown))))).Failures);
}
