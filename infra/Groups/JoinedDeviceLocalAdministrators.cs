using Pulumi.AzureAD;

namespace Infra.Groups;

/// <summary>
/// The additional local administrators of every Microsoft Entra joined device: a role-assignable security
/// group holding the built-in "Microsoft Entra Joined Device Local Administrator" directory role.
/// </summary>
internal sealed record JoinedDeviceLocalAdministrators(Group Group, DirectoryRole Role, DirectoryRoleAssignment Assignment)
{
    public const string GroupResourceName = "device-local-admins-group";
    public const string RoleResourceName = "joined-device-local-administrator-role";
    public const string AssignmentResourceName = "device-local-admins-group-role-assignment";

    /// <summary>Template id of "Microsoft Entra Joined Device Local Administrator" (formerly "Azure AD Joined Device Local Administrator").</summary>
    public const string RoleTemplateId = "9f06204d-73c1-4d4c-880a-6edb90606fd8";

    public static JoinedDeviceLocalAdministrators Create(string groupDisplayName)
    {
        var group = new Group(GroupResourceName, new GroupArgs
        {
            DisplayName = groupDisplayName,
            Description = "Local administrators of every Microsoft Entra joined device. Managed by Pulumi (entra-device-settings).",
            SecurityEnabled = true,
            MailEnabled = false,
            // Only role-assignable groups can hold a directory role; this can only be set at creation.
            AssignableToRole = true,
        });

        // Activates the built-in role in the tenant if it is not yet (no-op on destroy: roles stay activated).
        var role = new DirectoryRole(RoleResourceName, new DirectoryRoleArgs
        {
            TemplateId = RoleTemplateId,
        });

        // Built-in roles are assigned by their template id (custom roles would use the object id). No scope
        // given: the azuread provider then assigns tenant-wide (directory scope "/"), as this role needs.
        var assignment = new DirectoryRoleAssignment(AssignmentResourceName, new DirectoryRoleAssignmentArgs
        {
            RoleId = role.TemplateId,
            PrincipalObjectId = group.ObjectId,
        });

        return new JoinedDeviceLocalAdministrators(group, role, assignment);
    }
}
