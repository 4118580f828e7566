using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.EnrollmentStatusPage;

/// <summary>
/// The settings contract for the tenant's default Enrollment Status Page (declaring its custom error message), and
/// what only it does: found by type and priority in the list, never renamed, assigned or deleted.
/// </summary>
public sealed class DefaultPageSettingsTests : SettingsContract
{
    private const string Path = "deviceManagement/deviceEnrollmentConfigurations";
    private const string DefaultPage = "00000000-0000-0000-0000-0000000000aa_DefaultWindows10EnrollmentCompletionPageConfiguration";

    protected override string TypeToken => "entradevices:index:DefaultEnrollmentStatusPage";

    protected override string FixedId => "defaultEnrollmentStatusPage";

    protected override string WriteMethod => "PATCH";

    protected override string OriginalProperty => "originalSettings";

    protected override string[] WriteRoles => ["DeviceManagementServiceConfig.ReadWrite.All"];

    protected override string[] ReadRoles => ["DeviceManagementServiceConfig.Read.All"];

    // The list alone: it holds the default page whole (its id carries the tenant id, so the list is how it is found), and
    // the default page has no assignments to read (issue #24, 12: it was list, page, assignments).
    protected override string[] ReadCalls => ["GET"];

    protected override string? LaggingReadPath => $"/beta/{Path}";

    protected override string Leaf => "customErrorMessage";

    protected override PropertyValue Seeded => Str("");

    protected override PropertyValue Wanted => Str("Setup failed. Call the service desk on 555 0100.");

    protected override PropertyValue Drifted => Str("Setup failed. Restart the device.");

    protected override PropertyValue InTenant() => Str((string)Page["customErrorMessage"]!);

    protected override void SetInTenant(PropertyValue value) =>
        Emulator.Tenant.Collection(Path).Patch(DefaultPage, new JsonObject { ["customErrorMessage"] = ((StringValue)value).Value });

    protected override void RemoveFieldInTenant()
    {
        // A default page Graph no longer lists as an Enrollment Status Page cannot be found, so nothing is written.
        var page = Page;
        page["@odata.type"] = "#microsoft.graph.deviceEnrollmentConfiguration";
        Emulator.Tenant.Collection(Path).Seed(page);
    }

    private JsonObject Page => Emulator.Tenant.Collection(Path).Get(DefaultPage)!;

    [Fact]
    public async Task Create_changes_only_the_declared_setting_and_never_the_name()
    {
        var before = Page;

        await CreateAsync(Resource(), Declaring(Wanted));

        var patch = JsonNode.Parse(Assert.Single(Emulator.Requests, r => r.Method == "PATCH").Body!)!.AsObject();
        Assert.Equal(["@odata.type", "customErrorMessage"], patch.Select(p => p.Key).Order());
        Assert.Equal((string?)before["displayName"], (string?)Page["displayName"]);
    }

    [Theory]
    [InlineData(0, 45, 45)]
    [InlineData(60, 30, 90)]
    public async Task The_timeout_is_in_the_outputs_after_every_patch_and_destroy_gives_the_found_value_back(int found, int created, int updated)
    {
        // Issue #24, 1 and 2: after a PATCH the outputs lacked the timeout (a diff that never went away), and destroy
        // left the declared value because originalSettings had lost the found one.
        Emulator.Tenant.Collection(Path).Patch(DefaultPage, new JsonObject { ["installProgressTimeoutInMinutes"] = found });
        var resource = Resource();
        var first = Checked(Obj(("installProgressTimeoutInMinutes", Num(created))));
        var adopted = await CreateAsync(resource, first);
        Assert.False(Diff(adopted.Outputs, first).HasChanges, string.Join(", ", Diff(adopted.Outputs, first).Changes.Keys));

        var second = Checked(Obj(("installProgressTimeoutInMinutes", Num(updated))));
        var outputs = adopted.Outputs;
        if (updated != created)
        {
            outputs = await UpdateAsync(resource, FixedId, adopted.Outputs, second);
            Assert.False(Diff(outputs, second).HasChanges, string.Join(", ", Diff(outputs, second).Changes.Keys));
        }

        Assert.Equal(Num(found), outputs.At("originalSettings.installProgressTimeoutInMinutes"));
        await DeleteAsync(resource, FixedId, outputs, second);

        Assert.Equal(found, (int)Page["installProgressTimeoutInMinutes"]!);
    }

    [Fact]
    public async Task A_list_that_answers_without_the_pages_settings_is_followed_by_a_read_of_the_page()
    {
        // The facts do not say the list holds each configuration whole: where it does not, the page is read by id.
        var trimmed = $$"""{"value":[{"@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration","id":"{{DefaultPage}}","displayName":"All users and all devices","priority":0}]}""";
        Emulator.InjectFault(new Fault { Method = "GET", PathContains = Path, ApplyThenBody = trimmed });

        var created = await CreateAsync(Resource(), Declaring(Wanted));

        Assert.Equal(Wanted, created.Outputs.At(Leaf));
        Assert.Equal(["GET", "GET", "PATCH"], Calls);
    }

    [Fact]
    public void A_name_assignments_or_a_priority_are_refused_at_preview()
    {
        var failures = Check(Obj(("displayName", Str("Mine")), ("assignments", Ids("0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f")), ("priority", Num(1)))).Failures;

        Assert.Equal(["assignments", "displayName", "priority"], failures.Select(f => f.Property).Order());
    }

    [Fact]
    public void The_timeout_of_0_that_a_real_default_page_reports_is_accepted_here_only()
    {
        Assert.Empty(Check(Obj(("installProgressTimeoutInMinutes", Num(0)))).Failures);
        Assert.Equal("installProgressTimeoutInMinutes", Assert.Single(Check(Obj(("installProgressTimeoutInMinutes", Num(1441)))).Failures).Property);
    }
}
