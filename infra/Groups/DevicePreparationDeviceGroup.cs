using Pulumi;
using Pulumi.AzureAD;

namespace Infra.Groups;

/// <summary>
/// The device group of Windows Autopilot device preparation (tutorial step 3): an assigned security group, not
/// role-assignable, whose owner is the Intune Provisioning Client service principal; Intune adds each device to it
/// during setup. The service principal is adopted where the tenant has it and created where it does not, and
/// destroy never deletes it: it is Microsoft's, and other policies need it.
/// </summary>
internal static class DevicePreparationDeviceGroup
{
    public const string ServicePrincipalResourceName = "intune-provisioning-client";
    public const string GroupResourceName = "device-preparation-device-group";

    /// <summary>The Intune Provisioning Client's app id (graph-device-preparation.md §3.2); its object id differs per tenant.</summary>
    public const string ProvisioningClientAppId = "f1346770-5b25-470b-88bd-d5744ab7952c";

    /// <summary>Destroy leaves the service principal: it is Microsoft's, and the tenant's other device preparation policies need it.</summary>
    public static CustomResourceOptions ProvisioningClientOptions() => new() { RetainOnDelete = true };

    public static ServicePrincipal ProvisioningClient() => new(ServicePrincipalResourceName, new ServicePrincipalArgs
    {
        ClientId = ProvisioningClientAppId,
        UseExisting = true,
    }, ProvisioningClientOptions());

    public static Group Create(string displayName, ServicePrincipal provisioningClient) => new(GroupResourceName, new GroupArgs
    {
        DisplayName = displayName,
        Description = "Windows Autopilot device preparation devices (assigned; Intune adds each device during setup). Managed by Pulumi (entra-device-settings).",
        SecurityEnabled = true,
        MailEnabled = false,
        AssignableToRole = false,
        Owners = [provisioningClient.ObjectId],
    });

    /// <summary>
    /// What makes an existing group unfit as the device group, each with its fix; empty when it is fit. Intune would
    /// refuse it at the bind (or, for a missing owner, devices would silently never join it).
    /// </summary>
    public static IReadOnlyList<string> Problems(string groupId, bool securityEnabled, IEnumerable<string> types, IEnumerable<string> owners, string provisioningClientObjectId)
    {
        var problems = new List<string>();
        if (!securityEnabled)
        {
            problems.Add($"group {groupId} is not a security group; use an assigned security group (securityEnabled true, not mail-enabled)");
        }

        if (types.Contains(AutopilotDeviceGroup.DynamicMembershipType, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"group {groupId} has dynamic membership; device preparation needs assigned membership, since Intune adds each device at setup");
        }

        if (!owners.Contains(provisioningClientObjectId, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"group {groupId} is not owned by the Intune Provisioning Client service principal (appId {ProvisioningClientAppId}, object id "
                + $"{provisioningClientObjectId}); add it as an owner in the Entra admin center, or let this program create the group (devicePreparation.deviceGroupName)");
        }

        return problems;
    }

    /// <summary>
    /// An existing group's id once the preview has read it and its owners and found it fit; otherwise the preview fails
    /// naming each problem and its fix.
    /// </summary>
    public static Output<string> Checked(string groupId)
    {
        var group = GetGroup.Invoke(new GetGroupInvokeArgs { ObjectId = groupId });
        var client = GetServicePrincipal.Invoke(new GetServicePrincipalInvokeArgs { ClientId = ProvisioningClientAppId });
        return Output.Tuple(group, client).Apply(found =>
        {
            var problems = Problems(groupId, found.Item1.SecurityEnabled, found.Item1.Types, found.Item1.Owners, found.Item2.ObjectId);
            return problems.Count == 0
                ? found.Item1.ObjectId
                : throw new InvalidOperationException($"devicePreparation.deviceGroupId: {string.Join("; ", problems)}.");
        });
    }
}
