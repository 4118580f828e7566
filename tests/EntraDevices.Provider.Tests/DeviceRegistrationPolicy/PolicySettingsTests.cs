using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.DeviceRegistrationPolicy;

/// <summary>The settings contract for the device registration policy, and what only this policy does.</summary>
public sealed class PolicySettingsTests : SettingsContract
{
    protected override string TypeToken => "entradevices:index:DeviceRegistrationPolicy";

    protected override string FixedId => "deviceRegistrationPolicy";

    protected override string WriteMethod => "PUT";

    protected override string OriginalProperty => "originalSettings";

    protected override string[] WriteRoles => ["Policy.ReadWrite.DeviceConfiguration"];

    protected override string[] ReadRoles => ["Policy.Read.DeviceConfiguration"];

    protected override string Leaf => "userDeviceQuota";

    protected override PropertyValue Seeded => Num(2);

    protected override PropertyValue Wanted => Num(20);

    protected override PropertyValue Drifted => Num(40);

    protected override PropertyValue InTenant() => Num((int)Policy["userDeviceQuota"]!);

    protected override void SetInTenant(PropertyValue value) => Edit(policy => policy["userDeviceQuota"] = (int)((NumberValue)value).Value);

    protected override void RemoveFieldInTenant() => Edit(policy => policy.Remove("azureADJoin"));

    private JsonObject Policy => Emulator.Tenant.DeviceRegistrationPolicy;

    private ObjectValue SelectedJoin => Checked(Obj(
        ("userDeviceQuota", Num(20)),
        ("azureADJoin", Obj(("allowedToJoin", Membership("selected", groups: [GroupId]))))));

    private void Edit(Action<JsonObject> change)
    {
        var policy = Policy;
        change(policy);
        Emulator.Tenant.SetDeviceRegistrationPolicy(policy);
    }

    private JsonNode? Tenant(string path) =>
        path.Replace("@odata.type", "@odata\u0000type").Split('.')
            .Aggregate((JsonNode?)Policy, (node, step) => node?[step.Replace('\u0000', '.')]);

    [Fact]
    public async Task Every_write_carries_the_undeclared_fields_as_found()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, SelectedJoin);
        Edit(policy => policy["localAdminPassword"]!["isEnabled"] = true);
        Emulator.ClearRequests();

        await UpdateAsync(resource, FixedId, created.Outputs, Checked(Obj(("userDeviceQuota", Num(30)))));

        Assert.Equal(["GET", "PUT"], Calls);
        Assert.Equal(30, (int)Tenant("userDeviceQuota")!);
        Assert.True((bool)Tenant("localAdminPassword.isEnabled")!);
        Assert.Equal("#microsoft.graph.noDeviceRegistrationMembership", (string)Tenant("azureADRegistration.allowedToRegister.@odata.type")!);
    }

    [Fact]
    public async Task Create_records_memberships_and_the_read_only_flags()
    {
        var created = await CreateAsync(Resource(), SelectedJoin);

        Assert.Equal(Str("selected"), created.Outputs.At("azureADJoin.allowedToJoin.scope"));
        Assert.Equal(Ids(GroupId), created.Outputs.At("azureADJoin.allowedToJoin.groups"));
        Assert.Equal(Bool(false), created.Outputs.At("azureADRegistration.isAdminConfigurable"));
        Assert.Equal(Str("restoreOriginal"), created.Outputs.At("onDestroy"));
    }

    [Fact]
    public async Task Import_declares_every_writable_field_but_not_the_read_only_flags()
    {
        var read = await ReadAsync(Resource(), FixedId, ObjectValue.Empty, ObjectValue.Empty);

        Assert.Equal(Str("restoreOriginal"), read.Inputs.At("onDestroy"));
        Assert.NotNull(read.Inputs.At("azureADJoin.localAdmins.registeringUsers.scope"));
        Assert.Null(read.Inputs.At("azureADJoin.isAdminConfigurable"));
    }

    [Fact]
    public async Task Destroy_restores_declared_fields_to_the_original_and_leaves_the_rest()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, SelectedJoin);
        Edit(policy => policy["localAdminPassword"]!["isEnabled"] = true);

        await DeleteAsync(resource, FixedId, created.Outputs, SelectedJoin);

        Assert.Equal(2, (int)Tenant("userDeviceQuota")!);
        Assert.Equal("#microsoft.graph.allDeviceRegistrationMembership", (string)Tenant("azureADJoin.allowedToJoin.@odata.type")!);
        Assert.True((bool)Tenant("localAdminPassword.isEnabled")!);
    }

    [Fact]
    public async Task Destroy_with_restore_defaults_sets_entra_defaults_on_declared_fields()
    {
        var resource = Resource();
        var declared = Checked(Obj(("userDeviceQuota", Num(20)), ("onDestroy", Str("restoreDefaults"))));
        var created = await CreateAsync(resource, declared);

        await DeleteAsync(resource, FixedId, created.Outputs, declared);

        Assert.Equal(50, (int)Tenant("userDeviceQuota")!);
    }

    [Fact]
    public async Task Destroy_with_restore_defaults_needs_no_recorded_original()
    {
        var declared = Checked(Obj(("userDeviceQuota", Num(20)), ("onDestroy", Str("restoreDefaults"))));

        await DeleteAsync(Resource(), FixedId, ObjectValue.Empty, declared);

        Assert.Equal(50, (int)Tenant("userDeviceQuota")!);
    }

    [Fact]
    public void On_destroy_defaults_to_restore_original_and_refuses_anything_else()
    {
        Assert.Equal(Str("restoreOriginal"), Checked(ObjectValue.Empty).At("onDestroy"));
        var failure = Assert.Single(Check(Obj(("onDestroy", Str("forget")))).Failures);
        Assert.Equal("onDestroy", failure.Property);
        Assert.Contains("\"restoreOriginal\", \"restoreDefaults\"", failure.Reason);
    }

    [Fact]
    public async Task Registration_locked_by_intune_is_refused_before_any_write()
    {
        Emulator.Tenant.IntuneEnabled = true;
        var news = Checked(Obj(("azureADRegistration", Obj(("allowedToRegister", Membership("none"))))));

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), news));

        Assert.Contains("Intune", error.Message);
        Assert.Contains("azureADRegistration.allowedToRegister", error.Message);
        Assert.Equal(["GET"], Calls);
    }

    [Fact]
    public async Task Destroy_restores_the_rest_when_intune_has_since_locked_registration()
    {
        Edit(policy => policy["azureADRegistration"]!["isAdminConfigurable"] = true);
        var resource = Resource();
        var declared = Checked(Obj(("userDeviceQuota", Num(20)), ("azureADRegistration", Obj(("allowedToRegister", Membership("all"))))));
        var created = await CreateAsync(resource, declared);
        Emulator.Tenant.IntuneEnabled = true;

        await DeleteAsync(resource, FixedId, created.Outputs, declared);

        Assert.Equal(2, (int)Tenant("userDeviceQuota")!);
        Assert.Equal("#microsoft.graph.allDeviceRegistrationMembership", (string)Tenant("azureADRegistration.allowedToRegister.@odata.type")!);
    }
}
