using EntraDevices.Provider.Resources.EnrollmentStatusPage;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.EnrollmentStatusPage;

/// <summary>Every bad input of an Enrollment Status Page is a named failure at preview that says what is accepted.</summary>
public class PageCheckTests
{
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";

    private static ObjectValue Page(params (string Key, PropertyValue Value)[] more) =>
        more.Aggregate(Obj(("displayName", Str("Autopilot ESP"))), (inputs, p) => inputs.With(p.Key, p.Value));

    private static string Failing(ObjectValue news) => Assert.Single(PageCheck.Check(news).Failures).Property;

    [Theory]
    [InlineData(2147483648.0)]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void A_priority_outside_what_graph_holds_fails(double priority) =>
        Assert.Equal("priority", Failing(Page(("priority", Num(priority)))));

    [Theory]
    [InlineData("description")]
    [InlineData("roleScopeTagIds")]
    public void The_default_page_refuses_what_intune_refuses_to_change_on_it(string property)
    {
        // Issue #24, 8: Intune refused these for the default page only at apply, with a raw _version error.
        PropertyValue value = property == "description" ? Str("Mine") : Ids("0");
        var failure = Assert.Single(PageCheck.CheckDefault(Obj((property, value)), "originalSettings", DefaultPageSettings.Declarable).Failures);

        Assert.Equal(property, failure.Property);
        Assert.Contains("Intune refuses to change the default page's", failure.Reason);
    }

    [Fact]
    public void A_page_with_settings_groups_and_a_priority_passes() => Assert.Empty(PageCheck.Check(Page(
        ("showInstallationProgress", Bool(true)), ("installProgressTimeoutInMinutes", Num(60)), ("customErrorMessage", Str("Call the service desk.")),
        ("selectedMobileAppIds", Ids(A)), ("roleScopeTagIds", Ids("0")), ("assignments", Ids(A)), ("priority", Num(1)))).Failures);

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    [InlineData(2.5)]
    public void The_timeout_is_1_to_1440_whole_minutes(double minutes) =>
        Assert.Equal("installProgressTimeoutInMinutes", Failing(Page(("installProgressTimeoutInMinutes", Num(minutes)))));

    [Fact]
    public void The_display_name_is_required_and_at_most_256_characters()
    {
        Assert.Equal("displayName", Failing(ObjectValue.Empty));
        Assert.Equal("displayName", Failing(Obj(("displayName", Str(new string('n', 257))))));
    }

    [Fact]
    public void The_custom_error_message_holds_at_most_10000_characters() =>
        Assert.Equal("customErrorMessage", Failing(Page(("customErrorMessage", Str(new string('m', 10_001))))));

    [Fact]
    public void An_empty_custom_error_message_is_refused_where_the_page_shows_one()
    {
        Assert.Equal("customErrorMessage", Failing(Page(("showInstallationProgress", Bool(true)), ("customErrorMessage", Str(" ")))));
        Assert.Empty(PageCheck.Check(Page(("showInstallationProgress", Bool(false)), ("customErrorMessage", Str("")))).Failures);
    }

    [Fact]
    public void A_priority_is_1_or_more() => Assert.Equal("priority", Failing(Page(("priority", Num(0)))));

    [Fact]
    public void Group_and_app_ids_are_guids_each_listed_once()
    {
        Assert.Equal("assignments[1]", Failing(Page(("assignments", Ids(A, A)))));
        Assert.Equal("selectedMobileAppIds[0]", Failing(Page(("selectedMobileAppIds", Ids("Company Portal")))));
    }

    [Fact]
    public void Unknown_properties_and_outputs_are_named()
    {
        var failures = PageCheck.Check(Page(("showProgress", Bool(true)), ("createdDateTime", Str("x")))).Failures;

        Assert.Contains(failures, f => f.Property == "showProgress" && f.Reason.Contains("showInstallationProgress"));
        Assert.Contains(failures, f => f.Property == "createdDateTime" && f.Reason.Contains("output"));
    }
}
