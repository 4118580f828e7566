using System.Text.Json.Nodes;
using EntraDevices.Graph.DevicePreparationPolicy;

namespace EntraDevices.Graph.Tests.DevicePreparationPolicy;

/// <summary>
/// The user-driven template's settings as JSON (graph-device-preparation.md §2.3): read by definition id only, and
/// a declared setting laid over the policy's own list without dropping any other entry, one this code does not know included.
/// </summary>
public class PreparationSettingsJsonTests
{
    private static string? Value(JsonArray settings, string name) => settings
        .Select(s => s!["settingInstance"]!)
        .Where(i => (string?)i["settingDefinitionId"] == PreparationSettingsJson.Prefix + name)
        .Select(i => (string?)i["choiceSettingValue"]?["value"] ?? i["simpleSettingValue"]?["value"]?.ToJsonString())
        .SingleOrDefault();

    [Fact]
    public void A_new_policy_holds_the_admin_centers_defaults_and_the_group_placeholder_and_no_empty_collection()
    {
        var settings = PreparationSettingsJson.ForCreate(new PreparationSettings(TimeoutMinutes: 90));

        Assert.Equal(9, settings.Count);
        Assert.Equal("90", Value(settings, "timeout"));
        Assert.Equal($"{PreparationSettingsJson.Prefix}accountype_1", Value(settings, "accountype"));
        Assert.Equal("\"\"", Value(settings, "devicesecuritygroupids"));
        Assert.Null(Value(settings, "allowedappids"));
        var timeout = settings.Select(s => s!["settingInstance"]!).Single(i => (string?)i["settingDefinitionId"] == PreparationSettingsJson.Prefix + "timeout");
        Assert.Equal("6dec0657-dfb8-4906-a7ee-3ac6ee1edecb", (string?)timeout["settingInstanceTemplateReference"]!["settingInstanceTemplateId"]);
        Assert.Equal("0bbcce5b-a55a-4e05-821a-94bf576d6cc8", (string?)timeout["simpleSettingValue"]!["settingValueTemplateReference"]!["settingValueTemplateId"]);
    }

    [Fact]
    public void An_overlay_keeps_every_entry_it_does_not_declare_an_unknown_one_included_and_drops_what_graph_adds_on_read()
    {
        var basis = PreparationSettingsJson.ForCreate(new PreparationSettings(AllowSkip: true));
        var unknown = new JsonObject
        {
            ["id"] = "11",
            ["settingInstance"] = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                ["settingDefinitionId"] = "enrollment_autopilot_dpp_hideeula",
                ["choiceSettingValue"] = new JsonObject { ["value"] = "enrollment_autopilot_dpp_hideeula_1", ["children"] = new JsonArray() },
            },
        };
        basis.Add(unknown);

        var overlaid = PreparationSettingsJson.Overlay(basis, new PreparationSettings(TimeoutMinutes: 30));

        Assert.Equal(10, overlaid.Count);
        Assert.Equal("30", Value(overlaid, "timeout"));
        Assert.Equal($"{PreparationSettingsJson.Prefix}allowskip_1", Value(overlaid, "allowskip"));
        var kept = overlaid.Single(s => (string?)s!["settingInstance"]!["settingDefinitionId"] == "enrollment_autopilot_dpp_hideeula")!;
        Assert.Equal("enrollment_autopilot_dpp_hideeula_1", (string?)kept["settingInstance"]!["choiceSettingValue"]!["value"]);
        Assert.Null(kept["id"]);
        Assert.Equal("#microsoft.graph.deviceManagementConfigurationSetting", (string?)kept["@odata.type"]);
    }

    [Fact]
    public void Apps_are_written_as_the_admin_center_writes_them_and_read_by_id_a_bare_id_included()
    {
        var settings = PreparationSettingsJson.ForCreate(new PreparationSettings(AllowedApps: [new AllowedApp("a1", "#microsoft.graph.win32LobApp")], AllowedScripts: ["s1"]));
        var apps = settings.Select(s => s!["settingInstance"]!).Single(i => (string?)i["settingDefinitionId"] == PreparationSettingsJson.Prefix + "allowedappids");
        var value = (string)apps["simpleSettingCollectionValue"]![0]!["value"]!;
        Assert.Equal("a1", (string?)JsonNode.Parse(value)!["id"]);
        apps["simpleSettingCollectionValue"]!.AsArray().Add(new JsonObject { ["value"] = "a2" });

        var read = PreparationSettingsJson.Read(settings);

        Assert.Equal([new AllowedApp("a1", "#microsoft.graph.win32LobApp"), new AllowedApp("a2", "")], read.AllowedApps);
        Assert.Equal(["s1"], read.AllowedScripts);
    }

    [Fact]
    public void An_option_this_code_has_no_word_for_reads_back_as_its_option_id()
    {
        // Unknown 3: whether options other than _0 exist. Read back, one shows as itself, so a preview shows it as drift.
        var settings = PreparationSettingsJson.ForCreate(new PreparationSettings());
        var mode = settings.Select(s => s!["settingInstance"]!).Single(i => (string?)i["settingDefinitionId"] == PreparationSettingsJson.Prefix + "deploymentmode");
        mode["choiceSettingValue"]!["value"] = $"{PreparationSettingsJson.Prefix}deploymentmode_1";

        var read = PreparationSettingsJson.Read(settings);

        Assert.Equal($"{PreparationSettingsJson.Prefix}deploymentmode_1", read.DeploymentMode);
        Assert.False(PreparationSettingsJson.Holds(read, new PreparationSettings(DeploymentMode: "userDriven")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_device_group_result_is_read_bare_or_inside_value(bool wrapped)
    {
        var result = new JsonObject
        {
            ["validationSucceeded"] = false,
            ["enrollmentTimeDeviceMembershipTargetValidationStatuses"] = new JsonArray(new JsonObject
            {
                ["targetId"] = "g1",
                ["validationSucceeded"] = false,
                ["targetValidationErrorCode"] = "firstPartyAppNotAnOwner",
            }),
        };

        var binding = DeviceGroupBinding.Parse(wrapped ? new JsonObject { ["value"] = result } : result, "the test");

        Assert.Equal(new DeviceGroupBinding(false, "g1", DeviceGroupBinding.NotOwned), binding);
        Assert.True(binding.MayBeLag);
        Assert.Throws<UnexpectedPolicyShapeException>(() => DeviceGroupBinding.Parse(new JsonObject(), "the test"));
    }
}
