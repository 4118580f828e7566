using Infra.Settings;
using Pulumi.AzureAD;
using Pulumi.AzureAD.Inputs;

namespace Infra.Groups;

/// <summary>The security group of users allowed to join devices to Microsoft Entra ID, and who is in it.</summary>
internal static class DeviceJoinGroup
{
    public const string ResourceName = "device-join-group";

    /// <summary>Each declared member is one <c>azuread:GroupMember</c> named after its object id.</summary>
    public const string MemberResourcePrefix = "device-join-group-member-";

    /// <summary>
    /// Creates the group with the members the stack declares: a dynamic membership rule makes it a dynamic group;
    /// users and nested groups are each one membership (<c>GroupMember</c>), so this stack adds and removes only those,
    /// never a member another process added.
    /// </summary>
    public static (Group Group, IReadOnlyList<GroupMember> Members) Create(string displayName, JoinGroupMembers? members)
    {
        members ??= JoinGroupMembers.None;
        var args = new GroupArgs
        {
            DisplayName = displayName,
            Description = "Users allowed to join devices to Microsoft Entra ID. Managed by Pulumi (entra-device-settings).",
            SecurityEnabled = true,
            MailEnabled = false,
        };
        if (members.MembershipRule is { } rule)
        {
            args.Types = new[] { AutopilotDeviceGroup.DynamicMembershipType };
            args.DynamicMembership = new GroupDynamicMembershipArgs { Enabled = true, Rule = rule };
        }

        var group = new Group(ResourceName, args);
        var memberships = members.UserIds.Concat(members.GroupIds)
            .Select(id => new GroupMember(MemberResourcePrefix + id, new GroupMemberArgs { GroupObjectId = group.ObjectId, MemberObjectId = id }))
            .ToList();
        return (group, memberships);
    }
}
