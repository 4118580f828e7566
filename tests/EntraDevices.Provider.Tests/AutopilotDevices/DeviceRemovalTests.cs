using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>
/// Removal with <c>whenRemoved: delete</c> (issue #25): Graph's bulk deleteDevices, a hundred serial numbers a request,
/// each device's outcome read; a device leaves state only when it is known to be gone, and the counts told are what
/// happened.
/// </summary>
public sealed class DeviceRemovalTests : AutopilotDevicesHarness
{
    private const string DeleteDevices = "windowsAutopilotDeviceIdentities/deleteDevices";

    private static ObjectValue Deleting(ObjectValue csv) => csv.With(DevicesProperties.WhenRemoved, Str(DevicesProperties.Delete));

    private async Task<(CreateResult Created, ObjectValue Fewer)> TenRegisteredThenTwoKeptAsync()
    {
        var all = Enumerable.Range(1, 10).Select(i => Row($"SN-{i:00}")).ToArray();
        var created = await CreateAsync(Deleting(Csv("dev.csv", all)));
        Emulator.ClearRequests();
        Statuses.Clear();
        return (created, Deleting(Csv("dev.csv", all[..2])));
    }

    [Fact]
    public async Task Removed_devices_are_deleted_in_one_bulk_request_and_the_count_told_is_what_was_deleted()
    {
        var (created, fewer) = await TenRegisteredThenTwoKeptAsync();

        var updated = await UpdateAsync(created.Outputs, fewer);

        Assert.Equal(["SN-01", "SN-02"], InTenant().Keys.Order());
        Assert.Equal(["SN-01", "SN-02"], Map(updated, DevicesProperties.Devices).Keys);
        Assert.Equal(1, CallsTo("POST", DeleteDevices));
        Assert.Equal(0, CallsTo("DELETE", DevicesPath));
        Assert.Equal("8 of 8 removed devices deleted from Autopilot", Statuses.Single(s => s.Contains("removed devices", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_bulk_delete_applied_with_its_answer_lost_is_read_back_and_the_gone_devices_leave_state()
    {
        var (created, fewer) = await TenRegisteredThenTwoKeptAsync();
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = DeleteDevices, ApplyThenStatus = 504 });

        var updated = await UpdateAsync(created.Outputs, fewer);

        Assert.Equal(["SN-01", "SN-02"], Map(updated, DevicesProperties.Devices).Keys);
        Assert.Equal(["SN-01", "SN-02"], InTenant().Keys.Order());
        // Not sent again: every device was read back instead, and each was gone.
        Assert.Equal(1, CallsTo("POST", DeleteDevices));
    }

    [Fact]
    public async Task A_bulk_delete_lost_before_it_was_applied_keeps_every_device_recorded_and_says_the_next_up_deletes_them()
    {
        var (created, fewer) = await TenRegisteredThenTwoKeptAsync();
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = DeleteDevices, DropConnection = true });

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => UpdateAsync(created.Outputs, fewer));

        Assert.Equal(10, InTenant().Count);
        Assert.Equal(10, Map(failure.Outputs, DevicesProperties.Devices).Count);
        Assert.Contains("It is still in Autopilot as read now, so it stays recorded as registered; the next `pulumi up` deletes it again.", failure.Message);

        var updated = await UpdateAsync(failure.Outputs, fewer);

        Assert.Equal(["SN-01", "SN-02"], Map(updated, DevicesProperties.Devices).Keys);
        Assert.Equal(["SN-01", "SN-02"], InTenant().Keys.Order());
    }

    [Fact]
    public async Task A_device_deleted_outside_pulumi_meanwhile_is_forgotten_as_gone_not_reported_as_refused()
    {
        var (created, fewer) = await TenRegisteredThenTwoKeptAsync();
        Emulator.Tenant.Collection(DevicesPath).Delete((string)InTenant()["SN-05"]["id"]!);

        var updated = await UpdateAsync(created.Outputs, fewer);

        Assert.Equal(["SN-01", "SN-02"], Map(updated, DevicesProperties.Devices).Keys);
    }

    [Fact]
    public async Task A_refused_bulk_delete_changes_nothing_and_keeps_every_device_recorded()
    {
        var (created, fewer) = await TenRegisteredThenTwoKeptAsync();
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = DeleteDevices, Status = 403 });

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => UpdateAsync(created.Outputs, fewer));

        Assert.Equal(10, Map(failure.Outputs, DevicesProperties.Devices).Count);
        Assert.Contains("Could not delete 8 device(s)", failure.Message);
        Assert.Contains("DeviceManagementServiceConfig.ReadWrite.All", failure.Message);
    }

    [Fact]
    public async Task A_destroy_names_the_count_it_deleted_not_the_count_it_tried()
    {
        // Issue #25: a destroy claimed 11 deletions for 10.
        var created = await CreateAsync(Deleting(Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"))));
        Emulator.Tenant.Collection(DevicesPath).Patch((string)InTenant()["SN-3"]["id"]!, new JsonObject { ["managedDeviceId"] = Guid.NewGuid().ToString() });

        var failure = await Assert.ThrowsAsync<StateUnknown>(() => Resource().DeleteAsync(new ResourceDelete(Urn, created.Id, created.Outputs, ObjectValue.Empty), Watched()));

        // Some were deleted, so not "nothing changed": the state keeps all three, and the next destroy finds two gone.
        Assert.StartsWith("2 of the 3 device(s) were deleted", failure.Message);
        Assert.Contains("enrolled in Intune and were not deleted", failure.Message);
        Assert.Contains("2 of 3 removed devices deleted from Autopilot, 1 kept", Statuses);
        Assert.Equal(["SN-3"], InTenant().Keys);
    }
}
