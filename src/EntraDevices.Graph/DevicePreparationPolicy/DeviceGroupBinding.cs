using System.Text.Json.Nodes;

namespace EntraDevices.Graph.DevicePreparationPolicy;

/// <summary>
/// The answer of the enrollment-time membership target actions (graph-device-preparation.md §3.4): whether the group
/// passed Intune's validation, the group the policy holds, and the code of a failure. The result may come bare or
/// inside <c>value</c> (unknown: both are read).
/// </summary>
public sealed record DeviceGroupBinding(bool Succeeded, string? GroupId, string Code)
{
    public const string NotFound = "securityGroupNotFound";
    public const string NotSecurityGroup = "notSecurityGroup";
    public const string NotStatic = "notStaticSecurityGroup";
    public const string NotOwned = "firstPartyAppNotAnOwner";
    public const string NotInScope = "securityGroupNotInCallerScope";

    /// <summary>The Intune Provisioning Client's appId (§3.2): the owner the device group must have.</summary>
    public const string ProvisioningClientAppId = "f1346770-5b25-470b-88bd-d5744ab7952c";

    /// <summary>Codes that can be replication lag right after the group or its owner was made (§9): worth waiting out.</summary>
    public bool MayBeLag => !Succeeded && Code is NotFound or NotOwned;

    public static DeviceGroupBinding Parse(JsonObject? answer, string what)
    {
        var result = answer?["value"] as JsonObject ?? answer;
        if (result?["validationSucceeded"] is not JsonValue flag || !flag.TryGetValue<bool>(out var succeeded))
        {
            throw new UnexpectedPolicyShapeException($"Graph answered {what} without 'validationSucceeded'.");
        }

        var status = (result["enrollmentTimeDeviceMembershipTargetValidationStatuses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var code = (string?)status?["targetValidationErrorCode"] ?? "unknown";
        return new DeviceGroupBinding(succeeded && status?["validationSucceeded"]?.GetValue<bool>() != false, (string?)status?["targetId"], code);
    }

    /// <summary>What a failed validation means and what to do, in words.</summary>
    public string Problem(string groupId) => Code switch
    {
        NotFound => $"Intune found no group {groupId}. Set deviceGroup to the object id of an existing security group (the program's device group), "
            + "or wait a few minutes if the group was just created",
        NotSecurityGroup => $"group {groupId} is not a security group. Device preparation needs an assigned security group (securityEnabled true, not mail-enabled)",
        NotStatic => $"group {groupId} has dynamic membership. Device preparation needs assigned (static) membership: Intune adds each device at enrollment",
        NotOwned => $"group {groupId} is not owned by the Intune Provisioning Client service principal (appId {ProvisioningClientAppId}). "
            + "Add that service principal as the group's owner (the program's device group does), then run `pulumi up` again",
        NotInScope => $"group {groupId} is outside the Intune scope of the account signing in. Give that account the scope tags that cover the group, "
            + "or use a group in its scope",
        _ => $"Intune refused group {groupId} with the code '{Code}'",
    };
}
