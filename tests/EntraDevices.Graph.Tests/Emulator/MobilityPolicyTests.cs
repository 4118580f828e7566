using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>Automatic Intune enrollment's MDM and MAM user scope, as graph-autopilot-journey.md §1 describes Graph.</summary>
public class MobilityPolicyTests : EmulatorTest
{
    private const string Mdm = "/beta/policies/mobileDeviceManagementPolicies/0000000a-0000-0000-c000-000000000000";
    private const string Mam = "/beta/policies/mobileAppManagementPolicies/0000000a-0000-0000-c000-000000000000";
    private const string Group = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string OtherGroup = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string CloudDeviceAdministrator = "7698a772-787b-4ac8-901f-60d6b08affd2";
    private const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

    private static readonly string Admin = TestTokens.WithScopesAndDirectoryRoles(["Policy.ReadWrite.MobilityManagement"], [CloudDeviceAdministrator]);
    private static readonly string Reader = TestTokens.WithScopesAndDirectoryRoles(["Policy.Read.All"], [GlobalReader]);

    private async Task<JsonObject> Read(string path = Mdm) =>
        await JsonAsync(await SendAsync(HttpMethod.Get, $"{path}?$expand=includedGroups", Admin));

    private Task<HttpResponseMessage> AddGroup(string group, string path = Mdm) =>
        SendAsync(HttpMethod.Post, $"{path}/includedGroups/$ref", Admin, $$"""{"@odata.id":"https://graph.microsoft.com/beta/groups/{{group}}"}""");

    [Fact]
    public async Task A_new_tenant_has_intunes_mdm_policy_with_scope_none_and_intunes_urls_assumed()
    {
        var policy = await Read();

        Assert.Equal("none", (string?)policy["appliesTo"]);
        Assert.Equal("https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc", (string?)policy["discoveryUrl"]);
        Assert.Empty(policy["includedGroups"]!.AsArray());
        Assert.Equal("https://wip.mam.manage.microsoft.com/Enroll", (string?)(await Read(Mam))["discoveryUrl"]);
    }

    [Fact]
    public async Task An_apps_own_token_gets_401_unsupported_app_only_call()
    {
        var response = await SendAsync(HttpMethod.Get, Mdm, TestTokens.WithRoles("Policy.ReadWrite.MobilityManagement", "Policy.Read.All"));

        Assert.Contains("Unsupported app-only call.", await AssertGraphErrorAsync(response, 401, "UnknownError"));
    }

    [Fact]
    public async Task A_person_without_an_admin_role_gets_403_and_a_global_reader_may_only_read()
    {
        var noRole = TestTokens.WithScopesAndDirectoryRoles(["Policy.ReadWrite.MobilityManagement"], []);

        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Get, Mdm, noRole), 403, "Authorization_RequestDenied");
        Assert.Equal(200, (int)(await SendAsync(HttpMethod.Get, Mdm, Reader)).StatusCode);
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Patch, Mdm, Reader, """{"appliesTo":"all"}"""), 403, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task The_policies_exist_on_beta_only()
    {
        Assert.Equal(404, (int)(await SendAsync(HttpMethod.Get, Mdm.Replace("/beta/", "/v1.0/"), Admin)).StatusCode);
    }

    [Fact]
    public async Task Adding_an_included_group_makes_the_scope_selected()
    {
        Assert.Equal(204, (int)(await AddGroup(Group)).StatusCode);

        var policy = await Read();
        Assert.Equal("selected", (string?)policy["appliesTo"]);
        Assert.Equal([Group], policy["includedGroups"]!.AsArray().Select(g => (string?)g!["id"]));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/odata/groups/{0}")]
    [InlineData("https://graph.microsoft.com/odata/groups('{0}')")]
    public async Task The_other_documented_spellings_of_a_group_reference_are_taken_too(string reference)
    {
        var response = await SendAsync(HttpMethod.Post, $"{Mdm}/includedGroups/$ref", Admin,
            new JsonObject { ["@odata.id"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, reference, Group) }.ToJsonString());

        Assert.Equal(204, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_group_added_twice_is_refused()
    {
        await AddGroup(Group);

        await AssertGraphErrorAsync(await AddGroup(Group), 400, "Request_BadRequest");
    }

    [Fact]
    public async Task Removing_the_last_group_leaves_the_scope_none_assumed()
    {
        await AddGroup(Group);
        await AddGroup(OtherGroup);

        Assert.Equal(204, (int)(await SendAsync(HttpMethod.Delete, $"{Mdm}/includedGroups/{Group}/$ref", Admin)).StatusCode);
        Assert.Equal("selected", (string?)(await Read())["appliesTo"]);
        await SendAsync(HttpMethod.Delete, $"{Mdm}/includedGroups/{OtherGroup}/$ref", Admin);
        Assert.Equal("none", (string?)(await Read())["appliesTo"]);
    }

    [Fact]
    public async Task Setting_all_drops_the_groups()
    {
        await AddGroup(Group);

        Assert.Equal(204, (int)(await SendAsync(HttpMethod.Patch, Mdm, Admin, """{"appliesTo":"all"}""")).StatusCode);

        var policy = await Read();
        Assert.Equal("all", (string?)policy["appliesTo"]);
        Assert.Empty(policy["includedGroups"]!.AsArray());
    }

    [Fact]
    public async Task Applies_to_is_refused_together_with_other_properties_and_selected_cannot_be_set_directly()
    {
        await AssertGraphErrorAsync(
            await SendAsync(HttpMethod.Patch, Mdm, Admin, """{"appliesTo":"all","termsOfUseUrl":"https://example.test/terms"}"""), 400, "Request_BadRequest");
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Patch, Mdm, Admin, """{"appliesTo":"selected"}"""), 400, "Request_BadRequest");
    }

    [Fact]
    public async Task The_urls_are_patched_alone_and_read_back()
    {
        Assert.Equal(204, (int)(await SendAsync(HttpMethod.Patch, Mdm, Admin, """{"termsOfUseUrl":"https://example.test/terms"}""")).StatusCode);

        Assert.Equal("https://example.test/terms", (string?)(await Read())["termsOfUseUrl"]);
    }
}
