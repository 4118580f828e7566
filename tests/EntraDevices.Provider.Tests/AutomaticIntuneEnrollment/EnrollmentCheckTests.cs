using EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutomaticIntuneEnrollment;

/// <summary>Every bad input of automatic Intune enrollment is a named failure at preview that says what is accepted.</summary>
public class EnrollmentCheckTests
{
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";

    private static ObjectValue Mdm(params (string Key, PropertyValue Value)[] properties) => Obj(("mdm", Obj(properties)));

    private static (string Property, string Reason) Single(ObjectValue news)
    {
        var failure = Assert.Single(EnrollmentCheck.Check(news).Failures);
        return (failure.Property, failure.Reason);
    }

    [Fact]
    public void Nothing_declared_is_accepted_and_left_as_is()
    {
        var result = EnrollmentCheck.Check(ObjectValue.Empty);

        Assert.Empty(result.Failures);
        Assert.Equal(ObjectValue.Empty, result.Inputs);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("all")]
    public void A_scope_without_groups_is_normalised_to_an_empty_group_list(string scope)
    {
        var result = EnrollmentCheck.Check(Mdm(("appliesTo", Str(scope))));

        Assert.Empty(result.Failures);
        Assert.Equal(Ids(), result.Inputs.At("mdm.includedGroups"));
    }

    [Fact]
    public void Selected_with_groups_and_https_urls_passes()
    {
        var news = Obj(
            ("mdm", Obj(("appliesTo", Str("selected")), ("includedGroups", Ids(A)), ("termsOfUseUrl", Str("https://contoso.example/terms")))),
            ("mam", Obj(("appliesTo", Str("all")), ("includedGroups", Ids()))));

        Assert.Empty(EnrollmentCheck.Check(news).Failures);
    }

    [Fact]
    public void Selected_without_groups_says_graph_reaches_selected_by_adding_groups()
    {
        var (property, reason) = Single(Mdm(("appliesTo", Str("selected"))));

        Assert.Equal("mdm.includedGroups", property);
        Assert.Contains("at least one group", reason);
    }

    [Theory]
    [InlineData("all")]
    [InlineData(null)]
    public void Groups_without_selected_are_refused(string? scope)
    {
        var news = scope is null ? Mdm(("includedGroups", Ids(A))) : Mdm(("appliesTo", Str(scope)), ("includedGroups", Ids(A)));

        var (property, reason) = Single(news);

        Assert.Equal("mdm.includedGroups", property);
        Assert.Contains("accepted only with appliesTo \"selected\"", reason);
    }

    [Fact]
    public void A_group_that_is_not_a_guid_and_a_repeated_group_are_named_by_index()
    {
        var failures = EnrollmentCheck.Check(Obj(("mam", Obj(("appliesTo", Str("selected")), ("includedGroups", Ids(A, "sales", A.ToUpperInvariant())))))).Failures;

        Assert.Equal(["mam.includedGroups[1]", "mam.includedGroups[2]"], failures.Select(f => f.Property));
        Assert.Contains("GUID", failures[0].Reason);
        Assert.Contains("repeats", failures[1].Reason);
    }

    [Theory]
    [InlineData("http://portal.manage.microsoft.com/TermsofUse.aspx")]
    [InlineData("portal.manage.microsoft.com/TermsofUse.aspx")]
    [InlineData("ftp://contoso.example/terms")]
    public void A_url_that_is_not_https_is_refused(string url)
    {
        var (property, reason) = Single(Mdm(("termsOfUseUrl", Str(url))));

        Assert.Equal("mdm.termsOfUseUrl", property);
        Assert.Contains("absolute https URL", reason);
    }

    [Fact]
    public void A_secret_url_is_never_shown_in_the_error()
    {
        var (_, reason) = Single(Mdm(("complianceUrl", new SecretValue(Str("http://internal.contoso.example/?key=hunter2")))));

        Assert.DoesNotContain("hunter2", reason);
        Assert.Contains("a secret value", reason);
    }

    [Fact]
    public void An_unknown_scope_value_names_the_accepted_ones()
    {
        var (property, reason) = Single(Mdm(("appliesTo", Str("some"))));

        Assert.Equal("mdm.appliesTo", property);
        Assert.Contains("\"none\", \"all\", \"selected\"", reason);
    }

    [Fact]
    public void Unknown_properties_and_outputs_are_named()
    {
        var failures = EnrollmentCheck.Check(Obj(("mdm", Obj(("scope", Str("all")))), ("originalSettings", Obj()))).Failures;

        Assert.Contains(failures, f => f.Property == "mdm.scope" && f.Reason.Contains("appliesTo"));
        Assert.Contains(failures, f => f.Property == "originalSettings" && f.Reason.Contains("output"));
    }

    [Fact]
    public void Unknown_values_pass_in_preview()
    {
        var news = Mdm(("appliesTo", PropertyValue.Unknown), ("includedGroups", PropertyValue.Unknown), ("discoveryUrl", PropertyValue.Unknown));

        Assert.Empty(EnrollmentCheck.Check(news).Failures);
        Assert.Empty(EnrollmentCheck.Check(Mdm(("appliesTo", Str("selected")), ("includedGroups", new ArrayValue([PropertyValue.Unknown])))).Failures);
    }
}
