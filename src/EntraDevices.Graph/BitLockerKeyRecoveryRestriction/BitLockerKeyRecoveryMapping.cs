using GraphModels = Microsoft.Graph.Models;

namespace EntraDevices.Graph.BitLockerKeyRecoveryRestriction;

/// <summary>
/// Pure mapping between the authorization policy and the portal's "Restrict non-admin users from recovering
/// the BitLocker key(s) for their owned devices": restricting means owners may NOT read their keys.
/// </summary>
public static class BitLockerKeyRecoveryMapping
{
    /// <summary>Whether owners are restricted, as Graph reports it; a missing field is an error, never a guess.</summary>
    public static bool RestrictOwnersFromReadingKeys(GraphModels.AuthorizationPolicy policy)
    {
        var allowed = policy.DefaultUserRolePermissions?.AllowedToReadBitlockerKeysForOwnedDevice
            ?? throw new UnexpectedPolicyShapeException(
                "Graph returned an authorization policy without 'defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice'; refusing to guess its value.");
        return !allowed;
    }

    /// <summary>
    /// A fresh PATCH body whose only changed property is the BitLocker flag, so no other authorization-policy
    /// setting is ever sent: the SDK's backing store serializes changed values only.
    /// </summary>
    public static GraphModels.AuthorizationPolicy ToPatch(bool restrictOwnersFromReadingKeys)
    {
        var policy = new GraphModels.AuthorizationPolicy();
        // Marks the constructor's @odata.type as unchanged, so the body holds nothing but the flag below.
        policy.BackingStore.InitializationCompleted = true;
        policy.DefaultUserRolePermissions = new GraphModels.DefaultUserRolePermissions
        {
            AllowedToReadBitlockerKeysForOwnedDevice = !restrictOwnersFromReadingKeys,
        };
        return policy;
    }
}
