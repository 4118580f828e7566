using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>A deployment profile's assignments as the journey doc (§5) describes them, and the choices the emulator pins.</summary>
public class ProfileAssignmentTests : EmulatorTest
{
    private const string Profiles = "/beta/deviceManagement/windowsAutopilotDeploymentProfiles";
    private const string Group = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private static readonly string Manage = TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All");

    private async Task<string> ProfileAsync(string name)
    {
        var response = await SendAsync(HttpMethod.Post, Profiles, Manage,
            new JsonObject { ["@odata.type"] = "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile", ["displayName"] = name, ["deviceType"] = "windowsPc" }.ToJsonString());
        return (string)(await JsonAsync(response))["id"]!;
    }

    private Task<HttpResponseMessage> AssignAsync(string profile, string type, string? group = null) =>
        SendAsync(HttpMethod.Post, $"{Profiles}/{profile}/assignments", Manage, new JsonObject
        {
            ["target"] = group is null
                ? new JsonObject { ["@odata.type"] = $"#microsoft.graph.{type}" }
                : new JsonObject { ["@odata.type"] = $"#microsoft.graph.{type}", ["groupId"] = group },
        }.ToJsonString());

    [Fact]
    public async Task A_group_assignment_gets_the_id_profile_underscore_group_and_is_listed()
    {
        var profile = await ProfileAsync("Sales");

        var created = await JsonAsync(await AssignAsync(profile, "groupAssignmentTarget", Group));
        var listed = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Profiles}/{profile}/assignments", Manage));

        Assert.Equal($"{profile}_{Group}", (string?)created["id"]);
        Assert.Equal($"{profile}_{Group}", (string?)listed["value"]![0]!["id"]);
    }

    [Fact]
    public async Task Only_one_profile_of_a_tenant_may_target_all_devices_and_the_refusal_names_it()
    {
        var first = await ProfileAsync("Everyone");
        var second = await ProfileAsync("Everyone too");
        Assert.Equal(201, (int)(await AssignAsync(first, "allDevicesAssignmentTarget")).StatusCode);

        var message = await AssertGraphErrorAsync(await AssignAsync(second, "allDevicesAssignmentTarget"), 400, "Request_BadRequest");

        Assert.Equal($"Another Profile {first} is already assigned to All Devices.", message);
    }

    [Fact]
    public async Task An_assigned_profile_cannot_be_deleted_and_the_answer_is_opaque()
    {
        var profile = await ProfileAsync("Sales");
        await AssignAsync(profile, "groupAssignmentTarget", Group);

        var refused = await SendAsync(HttpMethod.Delete, $"{Profiles}/{profile}", Manage);
        var unassigned = await SendAsync(HttpMethod.Delete, $"{Profiles}/{profile}/assignments/{profile}_{Group}", Manage);
        var deleted = await SendAsync(HttpMethod.Delete, $"{Profiles}/{profile}", Manage);

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.DoesNotContain("assign", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([204, 204], new[] { (int)unassigned.StatusCode, (int)deleted.StatusCode });
    }

    [Fact]
    public async Task The_same_target_twice_is_refused_with_400_a_choice_the_docs_leave_open()
    {
        var profile = await ProfileAsync("Sales");
        await AssignAsync(profile, "exclusionGroupAssignmentTarget", Group);

        Assert.Equal(400, (int)(await AssignAsync(profile, "exclusionGroupAssignmentTarget", Group)).StatusCode);
    }

    [Fact]
    public async Task A_patch_of_the_create_only_device_type_is_ignored_a_choice_the_docs_leave_open()
    {
        var profile = await ProfileAsync("Sales");

        await SendAsync(HttpMethod.Patch, $"{Profiles}/{profile}", Manage, """{"deviceType":"holoLens","description":"x"}""");
        var read = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Profiles}/{profile}", Manage));

        Assert.Equal("windowsPc", (string?)read["deviceType"]);
        Assert.Equal("x", (string?)read["description"]);
    }
}
