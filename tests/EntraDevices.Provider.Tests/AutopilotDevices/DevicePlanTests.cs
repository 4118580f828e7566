using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>What an apply must do, from the recorded devices to the CSV, by serial number; the hash only in a digest.</summary>
public class DevicePlanTests
{
    private static CsvDevice Row(string serial, string hash = "AAAA", string? tag = null, string? user = null, DeviceDefaults? defaults = null) =>
        CsvDevice.Of(new DeviceRow(2, serial, null, hash, tag, user), defaults ?? DeviceDefaults.None);

    private static RecordedDevice Recorded(CsvDevice row, string id = "id") => RecordedDevice.Of(row, id);

    [Fact]
    public void The_same_csv_again_changes_nothing()
    {
        CsvDevice[] rows = [Row("A"), Row("B", tag: "Sales")];

        Assert.True(DevicePlan.Compare([.. rows.Select(r => Recorded(r))], rows).IsEmpty);
    }

    [Fact]
    public void New_devices_changed_hashes_new_properties_pending_imports_and_removals_are_told_apart()
    {
        var recorded = new[] { Row("A"), Row("B"), Row("C"), Row("D") }.Select(r => Recorded(r)).Append(Recorded(Row("P"), RecordedDevice.PendingOn("record-1"))).ToList();

        var plan = DevicePlan.Compare(recorded, [Row("a"), Row("B", hash: "BBBB"), Row("C", tag: "Sales"), Row("E"), Row("P")]);

        Assert.Equal(["E"], plan.Added.Select(r => r.SerialNumber));
        Assert.Equal(["B"], plan.Reimported.Select(r => r.Now.SerialNumber));
        Assert.Equal(["C"], plan.PropertiesChanged.Select(r => r.Now.SerialNumber));
        Assert.Equal("record-1", Assert.Single(plan.Pending).Before.ImportRecordId);
        Assert.Equal(["D"], plan.Removed.Select(r => r.SerialNumber));
    }

    [Fact]
    public void Devices_that_failed_before_are_retried_when_still_in_the_csv_and_forgotten_when_not()
    {
        var failed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["A"] = "StorageError", ["Z"] = "StorageError" };

        var plan = DevicePlan.Compare([], [Row("a"), Row("B")], failed);

        Assert.Equal(1, plan.Retried);
        Assert.Equal(["Z"], plan.FailuresGone);
    }

    [Fact]
    public void Defaults_fill_rows_that_name_no_group_tag_or_user()
    {
        var recorded = new[] { Recorded(Row("A", defaults: new DeviceDefaults("Corp", null))) };

        Assert.True(DevicePlan.Compare(recorded, [Row("A", defaults: new DeviceDefaults("Corp", null))]).IsEmpty);
        Assert.Single(DevicePlan.Compare(recorded, [Row("A", defaults: new DeviceDefaults("Lab", null))]).PropertiesChanged);
    }

    [Fact]
    public void A_device_brought_in_by_import_matches_any_row_since_the_tenant_never_tells_its_hash()
    {
        var imported = new RecordedDevice("A", "id", RecordedDevice.UnknownDigest, null, null);

        Assert.True(DevicePlan.Compare([imported], [Row("A", hash: "CCCC")]).IsEmpty);
    }

    [Fact]
    public void The_digest_is_not_the_hash_and_the_summary_names_serials_not_hashes()
    {
        var hash = Convert.ToBase64String(new byte[32]);
        var plan = DevicePlan.Compare([], [Row("A", hash: hash)]);

        Assert.DoesNotContain(hash, plan.Added[0].ImportDigest);
        Assert.Equal(32, plan.Added[0].ImportDigest.Length);
        Assert.NotEqual(Row("A", hash: hash).ImportDigest, Row("A", hash: "BBBB").ImportDigest);
        Assert.Equal("1 to import (A), 0 to import again (hash or product key changed), 0 with a new group tag or user, 0 removed from the CSV", plan.Summary());
    }

    [Fact]
    public void A_long_summary_lists_the_first_serials_and_counts_the_rest()
    {
        var plan = DevicePlan.Compare([], [.. Enumerable.Range(1, 25).Select(i => Row($"S{i}"))]);

        Assert.StartsWith("25 to import (S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, and 15 more)", plan.Summary());
    }
}
