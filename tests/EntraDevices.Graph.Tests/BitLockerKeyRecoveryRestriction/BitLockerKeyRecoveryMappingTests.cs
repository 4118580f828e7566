using System.Text.Json.Nodes;
using EntraDevices.Graph.BitLockerKeyRecoveryRestriction;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Serialization.Json;
using GraphModels = Microsoft.Graph.Models;

namespace EntraDevices.Graph.Tests.BitLockerKeyRecoveryRestriction;

public class BitLockerKeyRecoveryMappingTests
{
    // authorizationpolicy-get.md (v1.0); its example is "shortened for readability" and omits the BitLocker
    // flag, which the defaultUserRolePermissions resource page documents. The flag is added here.
    private const string DocsGetExample = """
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy/$entity",
          "id": "authorizationPolicy",
          "allowInvitesFrom": "everyone",
          "allowedToSignUpEmailBasedSubscriptions": true,
          "allowedToUseSSPR": true,
          "allowEmailVerifiedUsersToJoinOrganization": true,
          "blockMsolPowerShell": null,
          "displayName": "Authorization Policy",
          "description": "Used to manage authorization related settings across the company.",
          "defaultUserRolePermissions": {
            "allowedToCreateApps": true,
            "allowedToCreateSecurityGroups": true,
            "allowedToReadBitlockerKeysForOwnedDevice": true,
            "allowedToReadOtherUsers": true,
            "permissionGrantPoliciesAssigned": ["just-user-read"]
          }
        }
        """;

    private static GraphModels.AuthorizationPolicy Parse(string json) =>
        Fixture.Parse(json, GraphModels.AuthorizationPolicy.CreateFromDiscriminatorValue);

    // Serializes as the SDK's request adapter does: through the backing store, changed values only.
    private static JsonObject SerializeAsSent(IParsable value)
    {
        using var writer = new BackingStoreSerializationWriterProxyFactory(new JsonSerializationWriterFactory())
            .GetSerializationWriter("application/json");
        writer.WriteObjectValue(null, value);
        using var content = writer.GetSerializedContent();
        return JsonNode.Parse(content)!.AsObject();
    }

    private static string WithFlag(bool? allowed)
    {
        var json = JsonNode.Parse(DocsGetExample)!.AsObject();
        var permissions = json["defaultUserRolePermissions"]!.AsObject();
        permissions.Remove("allowedToReadBitlockerKeysForOwnedDevice");
        if (allowed is { } value)
        {
            permissions["allowedToReadBitlockerKeysForOwnedDevice"] = value;
        }

        return json.ToJsonString();
    }

    [Fact]
    public void Owners_allowed_to_read_their_keys_means_not_restricted()
    {
        Assert.False(BitLockerKeyRecoveryMapping.RestrictOwnersFromReadingKeys(Parse(DocsGetExample)));
    }

    [Fact]
    public void Owners_not_allowed_to_read_their_keys_means_restricted()
    {
        Assert.True(BitLockerKeyRecoveryMapping.RestrictOwnersFromReadingKeys(Parse(WithFlag(false))));
    }

    [Fact]
    public void A_policy_without_the_flag_is_refused_naming_it()
    {
        var error = Assert.Throws<UnexpectedPolicyShapeException>(() =>
            BitLockerKeyRecoveryMapping.RestrictOwnersFromReadingKeys(Parse(WithFlag(null))));

        Assert.Contains("defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice", error.Message);
    }

    [Fact]
    public void A_policy_without_default_user_role_permissions_is_refused()
    {
        var json = JsonNode.Parse(DocsGetExample)!.AsObject();
        json.Remove("defaultUserRolePermissions");

        Assert.Throws<UnexpectedPolicyShapeException>(() => BitLockerKeyRecoveryMapping.RestrictOwnersFromReadingKeys(Parse(json.ToJsonString())));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void The_patch_body_carries_only_the_bitlocker_flag(bool restrict, bool allowed)
    {
        var body = SerializeAsSent(BitLockerKeyRecoveryMapping.ToPatch(restrict));

        var expected = new JsonObject
        {
            ["defaultUserRolePermissions"] = new JsonObject { ["allowedToReadBitlockerKeysForOwnedDevice"] = allowed },
        };
        Assert.True(JsonNode.DeepEquals(expected, body), $"expected {expected}\nactual   {body}");
    }

    [Fact]
    public void A_plain_fresh_sdk_object_would_also_send_its_odata_type()
    {
        // Why ToPatch marks the constructor's value as unchanged.
        var plain = new GraphModels.AuthorizationPolicy
        {
            DefaultUserRolePermissions = new GraphModels.DefaultUserRolePermissions { AllowedToReadBitlockerKeysForOwnedDevice = false },
        };

        Assert.Equal("#microsoft.graph.authorizationPolicy", (string?)SerializeAsSent(plain)["@odata.type"]);
    }
}
