using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>Enrollment Status Pages as the journey doc (§4) describes them, and the choices the emulator pins.</summary>
public class EnrollmentStatusPageTests : EmulatorTest
{
    private const string Configurations = "/beta/deviceManagement/deviceEnrollmentConfigurations";
    private const string DefaultPage = "00000000-0000-0000-0000-0000000000aa_DefaultWindows10EnrollmentCompletionPageConfiguration";
    private const string Group = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private static readonly string Manage = TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All");

    private async Task<JsonObject> PageAsync(string name)
    {
        var response = await SendAsync(HttpMethod.Post, Configurations, Manage, new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
            ["displayName"] = name,
        }.ToJsonString());
        Assert.Equal(201, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    private Task<HttpResponseMessage> SetPriorityAsync(string id, int priority) =>
        SendAsync(HttpMethod.Post, $"{Configurations}/{id}/setPriority", Manage, $$"""{"priority":{{priority}}}""");

    private async Task<int> PriorityAsync(string id) => (int)(await JsonAsync(await SendAsync(HttpMethod.Get, $"{Configurations}/{id}", Manage)))["priority"]!;

    [Fact]
    public async Task New_pages_get_typed_ids_and_are_appended_after_the_others()
    {
        var first = await PageAsync("First");
        var second = await PageAsync("Second");

        Assert.EndsWith("_Windows10EnrollmentCompletionPageConfiguration", (string?)first["id"]);
        Assert.Equal([1, 2], new[] { (int)first["priority"]!, (int)second["priority"]! });
    }

    [Fact]
    public async Task Set_priority_swaps_with_the_holder_and_a_gap_or_the_own_value_is_refused()
    {
        var first = (string)(await PageAsync("First"))["id"]!;
        var second = (string)(await PageAsync("Second"))["id"]!;
        var third = (string)(await PageAsync("Third"))["id"]!;

        Assert.Equal(204, (int)(await SetPriorityAsync(third, 1)).StatusCode);
        int[] priorities = [await PriorityAsync(first), await PriorityAsync(second), await PriorityAsync(third)];
        Assert.Equal([3, 2, 1], priorities);
        await SendAsync(HttpMethod.Delete, $"{Configurations}/{second}", Manage);
        Assert.Equal(400, (int)(await SetPriorityAsync(third, 2)).StatusCode);
        Assert.Equal(400, (int)(await SetPriorityAsync(third, 1)).StatusCode);
    }

    [Fact]
    public async Task Assign_replaces_the_whole_list_and_crud_on_assignments_is_refused()
    {
        var page = (string)(await PageAsync("ESP"))["id"]!;
        string Body(params string[] groups) => new JsonObject
        {
            ["enrollmentConfigurationAssignments"] = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
            {
                ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = g },
            })]),
        }.ToJsonString();

        await SendAsync(HttpMethod.Post, $"{Configurations}/{page}/assign", Manage, Body(Group, "3c8ef067-8b96-44de-b2ae-557dfa0f97a0"));
        await SendAsync(HttpMethod.Post, $"{Configurations}/{page}/assign", Manage, Body(Group));
        var listed = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Configurations}/{page}/assignments", Manage));

        Assert.Single(listed["value"]!.AsArray());
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, $"{Configurations}/{page}/assignments", Manage, "{}"), 400, "No method match route template");
    }

    [Fact]
    public async Task The_default_page_has_priority_0_beside_other_defaults_and_cannot_be_deleted_assigned_or_renamed()
    {
        var all = await JsonAsync(await SendAsync(HttpMethod.Get, Configurations, Manage));
        var defaults = all["value"]!.AsArray().Where(c => (int)c!["priority"]! == 0).ToList();

        Assert.Equal(4, defaults.Count);
        Assert.Equal(0, await PriorityAsync(DefaultPage));
        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Delete, $"{Configurations}/{DefaultPage}", Manage)).StatusCode);
        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Post, $"{Configurations}/{DefaultPage}/assign", Manage, """{"enrollmentConfigurationAssignments":[]}""")).StatusCode);
        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Patch, $"{Configurations}/{DefaultPage}", Manage, """{"displayName":"Mine"}""")).StatusCode);
    }

    [Fact]
    public async Task An_isof_filter_is_refused_and_a_priority_in_a_patch_too()
    {
        var page = (string)(await PageAsync("ESP"))["id"]!;

        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Get, $"{Configurations}?$filter=isof('microsoft.graph.windows10EnrollmentCompletionPageConfiguration')", Manage)).StatusCode);
        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Patch, $"{Configurations}/{page}", Manage, """{"priority":5}""")).StatusCode);
    }
}
