using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>
/// Finished import records are deleted within a budget per run (issue #25): an up ends when its devices are
/// registered, what is left is in state and in a note, and later runs, which their Diff announces, delete the rest.
/// Records of imports that are not this stack's are never touched.
/// </summary>
public sealed class ImportCleanupTests : AutopilotDevicesHarness
{
    private const string ImportsPath = "deviceManagement/importedWindowsAutopilotDeviceIdentities";

    public ImportCleanupTests() => Pacing = Pacing with { CleanupBudget = 3 };

    private IReadOnlyDictionary<string, int> Left(ObjectValue outputs) =>
        ((ObjectValue)outputs.At(DevicesProperties.LeftImportRecords)!).Properties.ToDictionary(p => p.Key, p => (int)((NumberValue)p.Value).Value);

    private int RecordsInIntune() => Emulator.Tenant.Collection(ImportsPath).List().Count;

    [Fact]
    public async Task An_up_deletes_records_up_to_its_budget_and_later_runs_announced_by_their_diff_delete_the_rest()
    {
        // A stranger's import record: never this stack's to delete.
        Emulator.Tenant.Collection(ImportsPath).Create(new JsonObject { ["serialNumber"] = "OTHER-1", ["importId"] = "someone-else", ["state"] = new JsonObject { ["deviceImportStatus"] = "complete" } });
        var inputs = Csv("dev.csv", [.. Enumerable.Range(1, 8).Select(i => Row($"SN-{i}"))]);

        var created = await CreateAsync(inputs);

        Assert.Equal(8, Map(created.Outputs, DevicesProperties.Devices).Count);
        Assert.Equal(5, Assert.Single(Left(created.Outputs)).Value);
        Assert.Equal(1 + 5, RecordsInIntune());
        Assert.Contains(Notes, n => n.StartsWith("3 finished import record(s) deleted; 5 left in Intune (they do not affect their devices)", StringComparison.Ordinal));

        var diff = Diff(created.Outputs, inputs);
        Assert.Equal([DevicesProperties.LeftImportRecords], diff.Changes.Keys);
        Assert.Contains("5 finished import record(s) of earlier imports are still in Intune; this up deletes up to 3 of them", Assert.Single(diff.Notes));

        var second = await UpdateAsync(created.Outputs, inputs);
        Assert.Equal(2, Assert.Single(Left(second)).Value);
        var third = await UpdateAsync(second, inputs);

        Assert.Empty(Left(third));
        Assert.Empty(Diff(third, inputs).Changes);
        Assert.Equal("OTHER-1", (string)Assert.Single(Emulator.Tenant.Collection(ImportsPath).List())["serialNumber"]!);
        Assert.Equal(4, CallsTo("POST", "/import"));
    }

    [Fact]
    public async Task A_failed_record_delete_stops_the_cleanup_and_counts_what_is_left_without_failing_the_up()
    {
        Emulator.InjectFault(new Fault { Method = "DELETE", PathContains = ImportsPath, Status = 400, Skip = 1 });

        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"), Row("SN-4")));

        Assert.Equal(3, Assert.Single(Left(created.Outputs)).Value);
        Assert.Contains(Notes, n => n.StartsWith("Deleting finished import records stopped", StringComparison.Ordinal));
        Assert.Equal(3, RecordsInIntune());
    }

    [Theory]
    [InlineData(5, 30)]
    [InlineData(90, 90)]
    [InlineData(600, 240)]
    public void A_run_that_imported_deletes_records_no_longer_than_the_rest_of_it_took_within_the_floor_and_the_budget(int spentSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ImportCleanup.TimeFor(TimeSpan.FromSeconds(spentSeconds), ImportPacing.Default));

    [Fact]
    public void A_run_that_only_cleans_up_may_take_the_whole_budget_its_preview_announced() =>
        Assert.Equal(ImportPacing.Default.CleanupTime, ImportCleanup.TimeFor(null, ImportPacing.Default));
}
