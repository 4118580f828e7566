using System.Text.Json.Nodes;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.BitLockerKeyRecoveryRestriction;

/// <summary>The settings contract for the BitLocker key self-recovery restriction, and what only it does.</summary>
public sealed class RestrictionSettingsTests : SettingsContract
{
    private const string OnlyBody = """{"defaultUserRolePermissions":{"allowedToReadBitlockerKeysForOwnedDevice":false}}""";

    protected override string TypeToken => "entradevices:index:BitLockerKeyRecoveryRestriction";

    protected override string FixedId => "authorizationPolicy";

    protected override string WriteMethod => "PATCH";

    protected override string OriginalProperty => "originalValue";

    protected override string[] WriteRoles => ["Policy.ReadWrite.Authorization"];

    protected override string[] ReadRoles => ["Policy.Read.All"];

    protected override string Leaf => "restrictOwnersFromReadingKeys";

    protected override PropertyValue Seeded => Bool(false);

    protected override PropertyValue Wanted => Bool(true);

    // A boolean has two values: drift is back to the seeded one.
    protected override PropertyValue Drifted => Bool(false);

    protected override PropertyValue InTenant() => Bool(!(bool)Policy["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"]!);

    protected override void SetInTenant(PropertyValue value) =>
        Edit(policy => policy["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = !((BoolValue)value).Value);

    protected override void RemoveFieldInTenant() =>
        Edit(policy => policy["defaultUserRolePermissions"]!.AsObject().Remove("allowedToReadBitlockerKeysForOwnedDevice"));

    private JsonObject Policy => Emulator.Tenant.AuthorizationPolicy;

    private void Edit(Action<JsonObject> change)
    {
        var policy = Policy;
        change(policy);
        Emulator.Tenant.SetAuthorizationPolicy(policy);
    }

    [Fact]
    public async Task The_patch_carries_the_flag_and_nothing_else()
    {
        var before = Policy;

        await CreateAsync(Resource(), Declaring(Bool(true)));

        Assert.Equal(OnlyBody, Emulator.Requests[1].Body);
        before["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = false;
        Assert.True(JsonNode.DeepEquals(before, Policy));
    }

    [Fact]
    public void It_has_no_on_destroy_because_entra_documents_no_default()
    {
        var failure = Assert.Single(Check(Obj(("onDestroy", Str("restoreDefaults")))).Failures);

        Assert.Equal("onDestroy", failure.Property);
        Assert.Null(Checked(ObjectValue.Empty).At("onDestroy"));
    }

    [Fact]
    public void The_schema_describes_every_property_and_requires_both_outputs()
    {
        var schema = WithoutGraph(TypeToken).Schema();

        var inputs = schema["inputProperties"]!.AsObject();
        var outputs = schema["properties"]!.AsObject();
        Assert.Equal(["restrictOwnersFromReadingKeys"], inputs.Select(p => p.Key));
        Assert.Equal(["originalValue", "restrictOwnersFromReadingKeys"], outputs.Select(p => p.Key).Order());
        Assert.All(inputs.Concat(outputs), property => Assert.False(string.IsNullOrWhiteSpace((string?)property.Value!["description"])));
        Assert.Contains("Policy.ReadWrite.Authorization", (string?)schema["description"]);
    }
}
