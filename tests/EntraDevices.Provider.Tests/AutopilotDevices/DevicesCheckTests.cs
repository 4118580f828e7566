using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>Preview's checks of a set of devices: the asset, every row by CSV line, the defaults; and a Diff that counts and names devices. No Graph call.</summary>
public sealed class DevicesCheckTests : AutopilotDevicesHarness
{
    private AutopilotDevicesKind Kind => new(Directories);

    private static SetLedger<RecordedDevice> Ledger(RecordedDevice[] devices, Dictionary<string, string> failed) =>
        new(devices.ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase), failed);

    [Fact]
    public void A_good_csv_with_defaults_passes()
    {
        var inputs = Csv("dev.csv", Row("SN-1"), Row("SN-2", "Sales", "ana@contoso.com"))
            .With(DevicesProperties.GroupTag, Str("Corp")).With(DevicesProperties.AssignedUser, Str("bo@contoso.com")).With(DevicesProperties.WhenRemoved, Str("delete"));

        Assert.Empty(Check(inputs).Failures);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task The_first_preview_tells_how_many_devices_it_will_import_and_calls_no_graph_api()
    {
        // Issue #25: the engine asks no Diff of a new resource, and the first preview said nothing of the CSV.
        var inputs = Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"));

        await Resource().CreateAsync(new ResourceCreate(Urn, inputs, Preview: true), Watched());

        Assert.Equal("Autopilot devices: 3 to import (SN-1, SN-2, SN-3), 0 to import again (hash or product key changed), 0 with a new group tag or user, "
            + "0 removed from the CSV.", Assert.Single(Notes));
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public void A_diff_after_check_reads_the_file_again_when_it_changed_between_them()
    {
        // Check's read is kept for the Diff that follows it, only while the file is the same (path, size, time).
        var resource = Build(() => throw new InvalidOperationException("Check and Diff call no Graph API."));
        var inputs = Csv("dev.csv", Row("SN-1"));
        var outputs = Ledger([], []).Outputs(inputs, AutopilotDevicesKind.DeviceNames, Kind);
        Assert.Empty(resource.Check(new ResourceCheck(Urn, inputs, ObjectValue.Empty)).Failures);
        Assert.Equal([DevicesProperties.DevicePath("SN-1")], resource.Diff(new ResourceDiff("set-1", outputs, inputs, ObjectValue.Empty)).Changes.Keys);
        Csv("dev.csv", Row("SN-1"), Row("SN-2"));

        Assert.Equal([DevicesProperties.DevicePath("SN-1"), DevicesProperties.DevicePath("SN-2")],
            resource.Diff(new ResourceDiff("set-1", outputs, inputs, ObjectValue.Empty)).Changes.Keys.Order());
    }

    [Fact]
    public void Every_bad_row_is_named_by_its_line_and_no_hash_is_shown()
    {
        var secret = HashOf("SN-2");
        var failures = Check(Csv("dev.csv", Row("SN-1"), $"SN-2,bad key,{secret},,", "SN-3,,not*base64,,", Row("SN-1"), $",,{secret},,")).Failures;

        Assert.All(failures, f => Assert.Equal(DevicesProperties.Csv, f.Property));
        Assert.Equal(["'csv' line 3", "'csv' line 4", "'csv' line 5", "'csv' line 6"], failures.Select(f => f.Reason.Split(':')[0]));
        Assert.Contains("repeats serial number SN-1 of line 2", failures[2].Reason);
        Assert.DoesNotContain(failures, f => f.Reason.Contains(secret[..20], StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_header_is_one_clear_error()
    {
        File.WriteAllText(Path.Combine(Directories.Program, "bad.csv"), "Serial,Hash\nSN-1,AAAA\n");

        var failure = Assert.Single(Check(ObjectValue.Of((DevicesProperties.Csv, new AssetValue("h", Path: "bad.csv")))).Failures);

        Assert.Contains("line 1: is not the Autopilot CSV's header (it has 2 comma-separated cell(s); its text is not shown); "
            + "accepted: exactly \"Device Serial Number,Windows Product ID,Hardware Hash\"", failure.Reason);
    }

    [Fact]
    public void Many_problems_are_listed_up_to_a_limit_and_the_rest_counted()
    {
        var failures = Check(Csv("dev.csv", [.. Enumerable.Range(1, 60).Select(i => $"SN-{i},,not*base64,,")])).Failures;

        Assert.Equal(DevicesCheck.ListedProblems + 1, failures.Count);
        Assert.Contains("has 10 more problems after line 51", failures[^1].Reason);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("remote")]
    [InlineData("string")]
    [InlineData("absent")]
    public void The_csv_must_be_a_readable_file_asset(string kind)
    {
        PropertyValue? csv = kind switch
        {
            "missing" => new AssetValue("h", Path: "devices/none.csv"),
            "remote" => new AssetValue("h", Uri: "https://example.com/dev.csv"),
            "string" => new StringValue("devices/dev.csv"),
            _ => null,
        };

        var failure = Assert.Single(Check(ObjectValue.Of((DevicesProperties.Csv, csv))).Failures);

        Assert.Equal(DevicesProperties.Csv, failure.Property);
        Assert.Contains(kind switch
        {
            "missing" => "names devices/none.csv, which does not exist",
            "remote" => "is remote; accepted: a FileAsset",
            "string" => "must be an asset (a FileAsset of the OEM's CSV) or an archive (a FileArchive of a folder of them); got a string",
            _ => "'csv' is required",
        }, failure.Reason);
    }

    [Fact]
    public void The_check_of_an_import_takes_inputs_without_a_csv_which_the_tenant_never_holds()
    {
        // pulumi import checks the inputs Read gave (olds and news the same): a warning there would blame the provider.
        var imported = ObjectValue.Of((DevicesProperties.WhenRemoved, new StringValue("keep")), (DevicesProperties.GroupTag, new StringValue("Sales")));

        Assert.Empty(Check(imported, imported).Failures);
        Assert.Contains("'csv' is required", Assert.Single(Check(imported).Failures).Reason);
        Assert.Contains("'csv' is required", Assert.Single(Check(imported, imported.With(DevicesProperties.GroupTag, new StringValue("Lab"))).Failures).Reason);
    }

    [Fact]
    public void A_string_asset_is_refused_since_the_engine_would_keep_its_hashes_in_state()
    {
        var text = $"{Header}\n{Row("SN-1")}\n";

        var failure = Assert.Single(Check(ObjectValue.Of((DevicesProperties.Csv, new AssetValue("h", Text: text)))).Failures);

        Assert.Contains("is a StringAsset, whose text (hardware hashes included) the engine keeps in the state; accepted: a FileAsset", failure.Reason);
        Assert.DoesNotContain(HashOf("SN-1")[..20], failure.Reason);
    }

    [Fact]
    public void A_hash_where_the_header_or_another_column_should_be_is_described_never_quoted()
    {
        var hash = HashOf("SN-1");
        File.WriteAllText(Path.Combine(Directories.Program, "headless.csv"), $"SN-1,,{hash},,\n");

        var headless = Assert.Single(Check(ObjectValue.Of((DevicesProperties.Csv, new AssetValue("h", Path: "headless.csv")))).Failures);
        var swapped = Check(Csv("swapped.csv", $"SN-2,{hash},{hash},,{hash}")).Failures;

        Assert.Contains("is not the Autopilot CSV's header (it has 5 comma-separated cell(s); its text is not shown)", headless.Reason);
        Assert.Equal(2, swapped.Count);
        Assert.All(swapped, f => Assert.Contains("characters (not shown)", f.Reason));
        Assert.All(swapped.Append(headless), f => Assert.DoesNotContain(hash[..12], f.Reason));
    }

    [Fact]
    public void Bad_defaults_and_unknown_properties_name_the_property_and_what_is_accepted()
    {
        var failures = Check(Csv("dev.csv", Row("SN-1"))
            .With(DevicesProperties.AssignedUser, Str("not a upn")).With(DevicesProperties.WhenRemoved, Str("purge"))
            .With(DevicesProperties.GroupTag, Str("a,b")).With("devices", Obj()).With("serials", Str("x"))).Failures;

        Assert.Equal(["assignedUser", "devices", "groupTag", "serials", "whenRemoved"], failures.Select(f => f.Property).Order());
        Assert.Contains(failures, f => f.Reason.Contains("accepted values: \"keep\", \"delete\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Reason.Contains("'devices' is an output, not an input", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_counts_and_names_the_devices_added_changed_and_removed_without_graph()
    {
        var state = Ledger(
            [new RecordedDevice("SN-1", "id-1", CsvDevice.Of(new DeviceRow(2, "SN-1", null, HashOf("SN-1"), null, null), DeviceDefaults.None).ImportDigest, null, null),
             new RecordedDevice("SN-2", "id-2", "old", null, null),
             new RecordedDevice("SN-9", "id-9", "old", null, null)],
            new Dictionary<string, string> { ["SN-8"] = "StorageError" }).Outputs(ObjectValue.Empty, AutopilotDevicesKind.DeviceNames, Kind);

        var diff = Diff(state, Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2"), Row("SN-3")));

        Assert.Equal(new Dictionary<string, PropertyChange>
        {
            ["devices[\"SN-1\"]"] = PropertyChange.Update,
            ["devices[\"SN-2\"]"] = PropertyChange.Update,
            ["devices[\"SN-3\"]"] = PropertyChange.Add,
            ["devices[\"SN-9\"]"] = PropertyChange.Delete,
            ["failed[\"SN-8\"]"] = PropertyChange.Delete,
        }, diff.Changes.ToDictionary());
        Assert.Equal("Autopilot devices: 1 to import (SN-3), 1 to import again (hash or product key changed) (SN-2), 1 with a new group tag or user (SN-1), "
            + "1 removed from the CSV (SN-9).", Assert.Single(diff.Notes));
        Assert.Empty(Emulator.Requests);
    }
}
