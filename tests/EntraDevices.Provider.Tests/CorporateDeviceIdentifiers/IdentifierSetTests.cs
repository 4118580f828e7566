using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.CorporateDeviceIdentifiers;

/// <summary>
/// The set contract for corporate device identifiers, and what only they do (graph-device-preparation.md §6): imports
/// of at most 500 through the action, an identifier the tenant already holds adopted, the first-identifier warning.
/// </summary>
public sealed class IdentifierSetTests : SetContract
{
    private const string Path = "deviceManagement/importedDeviceIdentities";
    private static readonly Consistency Quick = new([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)]);

    public IdentifierSetTests() => Roles = ["DeviceManagementServiceConfig.ReadWrite.All"];

    protected override string TypeToken => IdentifierProperties.Token;

    protected override string[] Keys { get; } = ["Dell Inc,Latitude 7450,SN0001", "Dell Inc,Latitude 7450,SN0002", "Lenovo,ThinkPad T14,PF4XYZ01", "HP,EliteBook 840,5CG1234ABC"];

    protected override string ItemsOutput => IdentifierProperties.Identifiers;

    protected override string FailedOutput => IdentifierProperties.Failed;

    protected override (string Collection, string KeyField) TenantItems => (Path, "importedDeviceIdentifier");

    protected override string ImportId(IEnumerable<string> keys) => $"serials:{string.Join(',', keys.Select(key => key.Split(',')[^1]))}";

    protected override IResource Build(Func<GraphConnection> connection) =>
        new SetResource<IdentifierRow, string>(new CorporateDeviceIdentifiersKind(Directories, Quick), connection);

    /// <summary>The admin center's file: no header, one identifier a line.</summary>
    protected override IEnumerable<string> Lines(IEnumerable<string> keys) => keys;

    protected override void RefuseNextAdd() =>
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "importDeviceIdentityList", Status = 400 });

    [Fact]
    public async Task Identifiers_go_to_the_import_action_in_calls_of_at_most_500_never_to_the_collection()
    {
        var keys = Enumerable.Range(0, 501).Select(i => $"Contoso,Model {i % 3},SERIAL{i:D5}").ToArray();

        var created = await CreateAsync(Resource(), Checked(Declaring(keys)));

        var imports = Emulator.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, imports.Count);
        Assert.All(imports, r => Assert.EndsWith("/importedDeviceIdentities/importDeviceIdentityList", r.Path));
        Assert.Equal([500, 1], imports.Select(r => JsonNode.Parse(r.Body!)!["importedDeviceIdentities"]!.AsArray().Count));
        Assert.False((bool)JsonNode.Parse(imports[0].Body!)!["overwriteImportedDeviceIdentities"]!);
        Assert.Equal(501, (int)((NumberValue)created.Outputs.At(IdentifierProperties.IdentifierCount)!).Value);
    }

    [Fact]
    public async Task An_identifier_the_tenant_already_holds_is_found_and_recorded_not_overwritten()
    {
        var existing = Emulator.Tenant.Collection(Path).Create(new JsonObject
        {
            ["importedDeviceIdentifier"] = Keys[0].ToUpperInvariant(),
            ["importedDeviceIdentityType"] = "manufacturerModelSerial",
        });

        var created = await CreateAsync(Resource(), Checked(Declaring(Keys[..2])));

        var recorded = (ObjectValue)created.Outputs.At(IdentifierProperties.Identifiers)!.Plain;
        Assert.Equal(new StringValue((string)existing["id"]!), recorded.Properties[Keys[0]]);
        Assert.Equal(2, Emulator.Tenant.Collection(Path).List().Count);
        Assert.Contains(Emulator.Requests, r => r.Path.EndsWith("/searchExistingIdentities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_takes_all_or_serials_and_refuses_any_other_id_before_reading()
    {
        await CreateAsync(Resource(), Checked(Declaring(Keys[..3])));

        var all = await ReadAsync(Resource(), "all", ObjectValue.Empty, ObjectValue.Empty);
        var wrong = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), "tenant", ObjectValue.Empty, ObjectValue.Empty));
        var missing = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), "serials:NOPE", ObjectValue.Empty, ObjectValue.Empty));

        Assert.Equal(3, ((ObjectValue)all.Outputs.At(IdentifierProperties.Identifiers)!).Properties.Count);
        Assert.Equal(new StringValue(IdentifierProperties.Keep), all.Inputs.At(IdentifierProperties.WhenRemoved));
        Assert.Contains("accepted: all", wrong.Message);
        Assert.Contains("NOPE", missing.Message);
    }

    [Fact]
    public void A_new_set_warns_that_the_tenants_first_identifier_changes_how_every_windows_device_is_classified()
    {
        var first = Check(Declaring(Keys[..1]));
        var later = Check(Declaring(Keys[..2]), olds: Declaring(Keys[..1]));

        Assert.Contains("marked personal", Assert.Single(first.Warnings));
        Assert.Empty(later.Warnings);
    }

    [Fact]
    public async Task The_first_import_into_a_tenant_without_identifiers_says_what_changes_and_a_later_one_does_not()
    {
        var notes = new List<string>();
        var watched = new Operation(default, note: note => { notes.Add(note); return Task.CompletedTask; });

        await Resource().CreateAsync(new ResourceCreate("urn", Checked(Declaring(Keys[..1])), false), watched);
        var first = notes.ToList();
        notes.Clear();
        await Resource().CreateAsync(new ResourceCreate("urn", Checked(Declaring(Keys[1..2])), false), watched);

        Assert.Contains(first, note => note.Contains("holds no Windows corporate identifier yet", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, note => note.Contains("holds no Windows corporate identifier yet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Manufacturer,Model,Serial Number\r\nDell,Latitude,SN1", "line 1: is a header")]
    [InlineData("Dell,Latitude", "line 1: has 2 field(s)")]
    [InlineData("Dell,Latitude,SN.001", "line 1: has a period in its serial number")]
    [InlineData("Dell,Latitude,SN1\r\ndell,latitude,sn1", "line 2: repeats the identifier of line 1")]
    [InlineData("\"Dell, Inc\",Latitude,SN1", "line 1: holds a quote")]
    [InlineData("Dell,,SN1", "line 1: has no model")]
    public void A_bad_line_is_named_at_preview_with_what_the_file_takes(string content, string expected)
    {
        File.WriteAllText(System.IO.Path.Combine(Directories.Program, "bad.csv"), content);

        var result = Check(ObjectValue.Of((IdentifierProperties.Csv, new AssetValue("h", Path: "bad.csv"))));

        var failure = Assert.Single(result.Failures);
        Assert.Equal(IdentifierProperties.Csv, failure.Property);
        Assert.Contains(expected, failure.Reason);
    }

    [Fact]
    public void The_check_of_an_import_takes_inputs_without_a_csv_and_a_program_must_give_one()
    {
        var imported = ObjectValue.Of((IdentifierProperties.WhenRemoved, new StringValue("keep")));

        Assert.Empty(Check(imported, olds: imported).Failures);
        Assert.Contains("'csv' is required", Assert.Single(Check(imported).Failures).Reason);
    }

    [Fact]
    public void A_string_asset_or_a_bad_when_removed_is_refused_at_preview()
    {
        var result = Check(ObjectValue.Of(
            (IdentifierProperties.Csv, new AssetValue("h", Text: "Dell,Latitude,SN1")),
            (IdentifierProperties.WhenRemoved, new StringValue("purge"))));

        Assert.Equal([IdentifierProperties.Csv, IdentifierProperties.WhenRemoved], result.Failures.Select(f => f.Property).Order());
    }
}
