using System.Text.Json.Nodes;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using GraphModels = Microsoft.Graph.Models;

namespace EntraDevices.Graph.Tests.DeviceRegistrationPolicy;

public class DeviceRegistrationPolicyMappingTests
{
    private static DeviceRegistrationSettings Read(string json) =>
        DeviceRegistrationPolicyMapping.FromGraph(Fixture.Parse(json, GraphModels.DeviceRegistrationPolicy.CreateFromDiscriminatorValue));

    [Fact]
    public void Docs_get_example_maps_every_field()
    {
        var settings = Read(Fixture.Text("device-registration-policy.get.v1.json"));

        Assert.Equal(2, settings.UserDeviceQuota);
        Assert.Equal(MultiFactorAuthConfiguration.NotRequired, settings.MultiFactorAuthConfiguration);
        Assert.Equal(Membership.None, settings.AzureADRegistration.AllowedToRegister);
        Assert.False(settings.AzureADRegistration.IsAdminConfigurable);
        Assert.Equal(Membership.All, settings.AzureADJoin.AllowedToJoin);
        Assert.True(settings.AzureADJoin.IsAdminConfigurable);
        Assert.True(settings.AzureADJoin.LocalAdmins.EnableGlobalAdmins);
        Assert.Equal(Membership.Selected(["3c8ef067-8b96-44de-b2ae-557dfa0f97a0"], []), settings.AzureADJoin.LocalAdmins.RegisteringUsers);
        Assert.False(settings.LocalAdminPasswordEnabled);
    }

    [Fact]
    public void Docs_put_example_round_trips_to_the_same_writable_body()
    {
        var expected = Fixture.Json("device-registration-policy.put.v1.json");
        var settings = Read(expected.ToJsonString());

        var body = Fixture.Serialize(DeviceRegistrationPolicyMapping.ToGraph(settings));

        // isAdminConfigurable is read-only: it is never written.
        expected["azureADRegistration"]!.AsObject().Remove("isAdminConfigurable");
        expected["azureADJoin"]!.AsObject().Remove("isAdminConfigurable");
        Assert.True(JsonNode.DeepEquals(expected, body), $"expected {expected}\nactual   {body}");
    }

    [Theory]
    [InlineData(MembershipScope.All, DeviceRegistrationPolicyMapping.AllOdataType)]
    [InlineData(MembershipScope.None, DeviceRegistrationPolicyMapping.NoneOdataType)]
    [InlineData(MembershipScope.Selected, DeviceRegistrationPolicyMapping.EnumeratedOdataType)]
    public void Each_scope_maps_to_its_odata_type_and_back(MembershipScope scope, string odataType)
    {
        var membership = scope == MembershipScope.Selected
            ? Membership.Selected(["3c8ef067-8b96-44de-b2ae-557dfa0f97a0"], ["0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f"])
            : new Membership(scope, [], []);

        var graph = DeviceRegistrationPolicyMapping.MembershipToGraph(membership);

        Assert.Equal(odataType, graph.OdataType);
        Assert.Equal(membership, DeviceRegistrationPolicyMapping.MembershipFromGraph(graph, "x"));
    }

    [Fact]
    public void A_fresh_body_carries_every_writable_field_even_when_values_are_defaults()
    {
        var body = Fixture.Serialize(DeviceRegistrationPolicyMapping.ToGraph(DeviceRegistrationSettings.EntraDefaults with { UserDeviceQuota = 0 }));

        Assert.Equal(0, (int)body["userDeviceQuota"]!);
        Assert.Equal("notRequired", (string)body["multiFactorAuthConfiguration"]!);
        Assert.NotNull(body["azureADRegistration"]?["allowedToRegister"]?["@odata.type"]);
        Assert.NotNull(body["azureADJoin"]?["allowedToJoin"]?["@odata.type"]);
        Assert.True((bool)body["azureADJoin"]!["localAdmins"]!["enableGlobalAdmins"]!);
        Assert.NotNull(body["azureADJoin"]?["localAdmins"]?["registeringUsers"]?["@odata.type"]);
        Assert.False((bool)body["localAdminPassword"]!["isEnabled"]!);
    }

    [Theory]
    [InlineData("userDeviceQuota")]
    [InlineData("multiFactorAuthConfiguration")]
    [InlineData("azureADJoin")]
    [InlineData("azureADRegistration")]
    [InlineData("localAdminPassword")]
    public void A_policy_missing_a_field_is_refused_not_guessed(string field)
    {
        var json = Fixture.Json("device-registration-policy.get.v1.json");
        json.Remove(field);

        var error = Assert.Throws<UnexpectedPolicyShapeException>(() => Read(json.ToJsonString()));

        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Membership_equality_ignores_order_and_case_of_ids()
    {
        var a = Membership.Selected(["AAAAAAAA-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002"], []);
        var b = Membership.Selected(["aaaaaaaa-0000-0000-0000-000000000002", "aaaaaaaa-0000-0000-0000-000000000001"], []);

        Assert.Equal(a, b);
        Assert.NotEqual(a, Membership.Selected(["aaaaaaaa-0000-0000-0000-000000000001"], []));
        Assert.NotEqual(Membership.All, Membership.None);
    }
}
