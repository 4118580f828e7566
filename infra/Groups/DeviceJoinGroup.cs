using Pulumi.AzureAD;

namespace Infra.Groups;

/// <summary>The security group of users allowed to join devices to Microsoft Entra ID.</summary>
internal static class DeviceJoinGroup
{
    public const string ResourceName = "device-join-group";

    /// <summary>
    /// Creates the group, empty: its members are managed outside this stack (by people or another
    /// process), so this stack never removes someone another process added.
    /// </summary>
    public static Group Create(string displayName) => new(ResourceName, new GroupArgs
    {
        DisplayName = displayName,
        Description = "Users allowed to join devices to Microsoft Entra ID. Managed by Pulumi (entra-device-settings).",
        SecurityEnabled = true,
        MailEnabled = false,
    });
}
