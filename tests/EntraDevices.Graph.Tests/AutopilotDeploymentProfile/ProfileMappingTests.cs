using System.Text.Json.Nodes;
using EntraDevices.Graph.AutopilotDeploymentProfile;

namespace EntraDevices.Graph.Tests.AutopilotDeploymentProfile;

/// <summary>The pure mapping of a deployment profile to and from Graph's beta JSON.</summary>
public class ProfileMappingTests
{
    private static readonly ProfileSettings Settings = new("Sales", "desc", "en-US", "CONTOSO-%SERIAL%", "windowsPc", false, false, ["0"],
        new OutOfBoxExperience(true, true, "standard", "singleUser", true, true));

    [Fact]
    public void A_create_carries_the_derived_type_and_every_setting()
    {
        var body = ProfileMapping.ToGraph(Settings);

        Assert.Equal(ProfileMapping.ODataType, (string?)body["@odata.type"]);
        Assert.Equal("windowsPc", (string?)body["deviceType"]);
        Assert.Equal("standard", (string?)body["outOfBoxExperienceSetting"]!["userType"]);
    }

    [Fact]
    public void A_patch_carries_only_what_changed_and_never_the_create_only_device_type()
    {
        var changes = ProfileMapping.Changes(Settings, Settings with { Description = "new", DeviceType = "holoLens" });

        Assert.Equal(["description", "@odata.type"], changes.Select(p => p.Key));
        Assert.Empty(ProfileMapping.Changes(Settings, Settings with { DeviceType = "holoLens" }));
    }

    [Fact]
    public void A_profile_and_its_assignments_read_back_as_written()
    {
        var json = ProfileMapping.ToGraph(Settings);
        json["id"] = "p1";
        JsonObject Assignment(string id, string type, string? group) => new()
        {
            ["id"] = id,
            ["target"] = group is null ? new JsonObject { ["@odata.type"] = type } : new JsonObject { ["@odata.type"] = type, ["groupId"] = group },
        };

        var profile = ProfileMapping.FromGraph(json, [
            Assignment("p1_g", "#microsoft.graph.groupAssignmentTarget", "g"),
            Assignment("p1_x", "#microsoft.graph.exclusionGroupAssignmentTarget", "x"),
        ]);

        Assert.Equal(Settings, profile.Settings with { RoleScopeTagIds = Settings.RoleScopeTagIds });
        Assert.Equal(new ProfileTargets(false, ["g"], ["x"]).Groups, ProfileTargets.Of(profile.Assignments).Groups);
        Assert.Equal(["x"], ProfileTargets.Of(profile.Assignments).ExcludedGroups);
    }

    [Fact]
    public void An_assignment_target_it_does_not_know_is_refused_not_guessed()
    {
        var json = ProfileMapping.ToGraph(Settings);
        json["id"] = "p1";

        Assert.Throws<UnexpectedPolicyShapeException>(() => ProfileMapping.FromGraph(json,
            [new JsonObject { ["id"] = "a", ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.somethingNew" } }]));
    }

    [Fact]
    public void A_create_body_carries_only_the_declared_fields_and_declared_out_of_box_settings()
    {
        var body = ProfileMapping.ToGraphCreate(Settings, new HashSet<string> { "locale", "outOfBoxExperienceSetting.eulaHidden" });

        Assert.Equal(["@odata.type", "displayName", "locale", "outOfBoxExperienceSetting"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["eulaHidden"], body["outOfBoxExperienceSetting"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("outOfBoxExperienceSetting", ProfileMapping.ToGraphCreate(Settings, new HashSet<string>()).Select(p => p.Key));
    }

    [Fact]
    public void An_answer_without_out_of_box_settings_reads_as_graphs_defaults()
    {
        // An unknown of the facts: whether Graph answers a create that sent no out-of-box settings with them. Both read alike.
        var json = new JsonObject { ["id"] = "p1", ["displayName"] = "Sales" };

        var profile = ProfileMapping.FromGraph(json, []);

        Assert.Equal(new OutOfBoxExperience(false, false, "standard", "singleUser", false, false), profile.Settings.OutOfBoxExperience);
    }
}
