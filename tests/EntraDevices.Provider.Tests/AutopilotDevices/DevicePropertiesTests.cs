using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>
/// A group tag or user change whose answer was lost (issue #25): the device is read back, and state records what the
/// tenant holds, never the old value after the change landed, nor the new one when it did not.
/// </summary>
public sealed class DevicePropertiesTests : AutopilotDevicesHarness
{
    [Theory]
    [InlineData(504)]
    [InlineData(0)]
    public async Task A_group_tag_change_applied_with_its_answer_lost_is_read_back_and_recorded_as_done(int status)
    {
        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2")));
        // Every answer for SN-1 lost, however often the client sends it again (a group tag is the same whatever the count).
        var id = (string)InTenant()["SN-1"]["id"]!;
        Emulator.InjectFault(status == 0
            ? new Fault { Method = "POST", PathContains = $"{id}/updateDeviceProperties", ApplyThenDrop = true, Times = 20 }
            : new Fault { Method = "POST", PathContains = $"{id}/updateDeviceProperties", ApplyThenStatus = status, Times = 20 });
        var changed = Csv("dev.csv", Row("SN-1", "Lab"), Row("SN-2", "Lab"));

        var updated = await UpdateAsync(created.Outputs, changed);

        Assert.All(Map(updated, DevicesProperties.Devices).Values, line => Assert.EndsWith("|Lab", line));
        Assert.Empty(Diff(updated, changed).Changes);
        Assert.Equal("2 of 2 devices given their new group tag or user", Statuses.Last(s => s.Contains("new group tag", StringComparison.Ordinal)));
        // Known from a read of the device, not from an answer.
        Assert.Equal(1, CallsTo("GET", $"{DevicesPath}/{id}"));
    }

    [Fact]
    public async Task A_group_tag_change_lost_before_it_landed_keeps_the_old_value_recorded_and_the_next_diff_shows_it()
    {
        var created = await CreateAsync(Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2", "Sales")));
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "updateDeviceProperties", DropConnection = true });
        var changed = Csv("dev.csv", Row("SN-1", "Lab"), Row("SN-2", "Lab"));

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => UpdateAsync(created.Outputs, changed));

        Assert.EndsWith("|Sales", Map(failure.Outputs, DevicesProperties.Devices)["SN-1"]);
        Assert.EndsWith("|Lab", Map(failure.Outputs, DevicesProperties.Devices)["SN-2"]);
        Assert.Contains("read back, it has group tag 'Sales'", failure.Message);
        Assert.Equal([DevicesProperties.DevicePath("SN-1")], Diff(failure.Outputs, changed).Changes.Keys);
        Assert.Equal("1 of 2 devices given their new group tag or user, 1 not", Statuses.Last(s => s.Contains("new group tag", StringComparison.Ordinal)));
    }
}
