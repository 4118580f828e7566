using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraDevices.Provider.Export;

namespace Infra.Tests;

/// <summary>
/// Issue #27: the stack file the export writes for a tenant set up by hand (tests/fixtures/adopted-tenant/) makes the
/// program declare exactly the resources the import file names, with exactly the inputs the conformance test imports
/// and diffs against (program-inputs.json, which tests/conformance/lib/program.js is held to as well), and no group.
/// </summary>
public sealed class AdoptedStackTests
{
    private const string PreparationDevices = "0b1d3c77-0000-4000-8000-00000000c002";
    private const string ProvisioningClient = "0b1d3c77-0000-4000-8000-00000000c001";

    private static readonly string Fixture = Path.Combine(RepositoryRoot.FullPath, "tests", "fixtures", "adopted-tenant");

    [Fact]
    public async Task The_program_declares_for_the_exported_stack_file_the_inputs_the_import_is_diffed_against()
    {
        // The preview reads the device preparation policy's existing device group: an assigned security group the Intune
        // Provisioning Client owns, as the tenant's is.
        var mocks = new EntraMocks();
        mocks.Invokes[EntraMocks.GetGroupToken] = ImmutableDictionary<string, object>.Empty
            .Add("objectId", PreparationDevices).Add("securityEnabled", true).Add("types", ImmutableArray<object>.Empty).Add("owners", ImmutableArray.Create<object>(ProvisioningClient));
        mocks.Invokes[EntraMocks.GetServicePrincipalToken] = ImmutableDictionary<string, object>.Empty.Add("objectId", ProvisioningClient);
        var run = await ProgramRun.RunAsync(StackConfigFile.Load("adopted", Path.Combine(Fixture, "Pulumi.adopted.yaml")), mocks);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixture, "program-inputs.json")))!.AsObject();

        Assert.Equal(expected.Select(pair => pair.Key).Order(StringComparer.Ordinal), run.RegisteredResources());
        foreach (var (key, inputs) in expected)
        {
            var (type, name) = (key[..key.LastIndexOf("::", StringComparison.Ordinal)], key[(key.LastIndexOf("::", StringComparison.Ordinal) + 2)..]);
            var declared = run.Single(type, name).Inputs.Remove("csv");
            Assert.Equal(Canonical(inputs!), Tree.Canonical(declared));
        }

        var devices = run.Single("entradevices:index:AutopilotDevices", ProgramShape.DevicesName);
        // The export names a folder for the OEM's files: the program sends it as a FileArchive.
        Assert.IsType<Pulumi.FileArchive>(devices.Inputs["csv"]);
    }

    [Fact]
    public void The_names_and_sections_the_export_writes_are_the_programs()
    {
        Assert.Equal(DeviceSettingsProgram.PolicyResourceName, ProgramShape.PolicyName);
        Assert.Equal(DeviceSettingsProgram.BitLockerResourceName, ProgramShape.BitLockerName);
        Assert.Equal(DeviceSettingsProgram.EnrollmentResourceName, ProgramShape.EnrollmentName);
        Assert.Equal(DeviceSettingsProgram.StatusPageResourceName, ProgramShape.StatusPageName);
        Assert.Equal(DeviceSettingsProgram.DefaultStatusPageResourceName, ProgramShape.DefaultStatusPageName);
        Assert.Equal(DeviceSettingsProgram.DeploymentProfileResourceName, ProgramShape.ProfileName);
        Assert.Equal(DeviceSettingsProgram.DevicesResourceName, ProgramShape.DevicesName);
        Assert.Equal(DeviceSettingsProgram.DevicePreparationResourceName, ProgramShape.PreparationName);
        Assert.Equal(DeviceSettingsProgram.CorporateIdentifiersResourceName, ProgramShape.IdentifiersName);
        string[] sections = [ProgramShape.PolicySection, ProgramShape.BitLockerSection, ProgramShape.EnrollmentSection, ProgramShape.StatusPageSection,
            ProgramShape.DefaultStatusPageSection, ProgramShape.ProfileSection, ProgramShape.DevicesSection, ProgramShape.PreparationSection, ProgramShape.AutopilotGroupSection, ProgramShape.IdentifiersSection];
        Assert.All(sections, section => Assert.Contains(section, Settings.ConfigKeys.Sections));
        Assert.Equal(ProgramShape.DefaultProject, StackConfigFile.ProjectName);
    }

    private static string Canonical(JsonNode node) => Tree.Canonical(Plain(node));

    // JSON as the property trees the mocks record: maps, lists, strings, booleans and doubles.
    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(pair => pair.Key, pair => Plain(pair.Value)),
        JsonArray list => list.Select(Plain).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => node.GetValue<double>(),
    };
}
