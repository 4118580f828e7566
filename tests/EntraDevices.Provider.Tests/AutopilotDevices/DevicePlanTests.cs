using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>What an apply must do, from the recorded digests to the CSV, by serial number; the hash only in a digest.</summary>
public class DevicePlanTests
{
    private static DeviceRow Row(string serial, string hash = "AAAA", string? tag = null, string? user = null) => new(2, serial, null, hash, tag, user);

    [Fact]
    public void The_same_csv_again_changes_nothing()
    {
        DeviceRow[] rows = [Row("A"), Row("B", tag: "Sales")];

        Assert.True(DevicePlan.Compare([.. rows.Select(r => DevicePlan.Record(r))], rows).IsEmpty);
    }

    [Fact]
    public void New_devices_changed_hashes_new_properties_and_removals_are_told_apart()
    {
        var recorded = new[] { Row("A"), Row("B"), Row("C"), Row("D") }.Select(r => DevicePlan.Record(r)).ToList();

        var plan = DevicePlan.Compare(recorded, [Row("a"), Row("B", hash: "BBBB"), Row("C", tag: "Sales"), Row("E")]);

        Assert.Equal(["E"], plan.Added.Select(r => r.SerialNumber));
        Assert.Equal(["B"], plan.Reimported.Select(r => r.SerialNumber));
        Assert.Equal(["C"], plan.PropertiesChanged.Select(r => r.SerialNumber));
        Assert.Equal(["D"], plan.Removed.Select(r => r.SerialNumber));
    }

    [Fact]
    public void Defaults_fill_rows_that_name_no_group_tag_or_user()
    {
        var recorded = new[] { DevicePlan.Record(Row("A"), defaultGroupTag: "Corp") };

        Assert.True(DevicePlan.Compare(recorded, [Row("A")], defaultGroupTag: "Corp").IsEmpty);
        Assert.Single(DevicePlan.Compare(recorded, [Row("A")], defaultGroupTag: "Lab").PropertiesChanged);
    }

    [Fact]
    public void The_digest_is_not_the_hash_and_the_summary_names_serials_not_hashes()
    {
        var row = Row("A", hash: Convert.ToBase64String(new byte[32]));
        var plan = DevicePlan.Compare([], [row]);

        Assert.DoesNotContain(row.HardwareHash, DevicePlan.ImportDigest(row));
        Assert.Equal(64, DevicePlan.ImportDigest(row).Length);
        Assert.Equal("1 to import (A), 0 to import again (hash or product key changed), 0 with a new group tag or user, 0 removed from the CSV", plan.Summary());
    }

    [Fact]
    public void A_long_summary_lists_the_first_serials_and_counts_the_rest()
    {
        var plan = DevicePlan.Compare([], [.. Enumerable.Range(1, 25).Select(i => Row($"S{i}"))]);

        Assert.StartsWith("25 to import (S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, and 15 more)", plan.Summary());
    }
}
