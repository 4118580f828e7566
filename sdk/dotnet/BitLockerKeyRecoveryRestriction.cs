using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// Whether non-administrator users are kept from recovering the BitLocker keys of the devices they own (the
/// inverse of the authorization policy's <c>defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice</c>),
/// managed by the <c>entradevices</c> provider plugin. A singleton: its id is always <c>authorizationPolicy</c>.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class BitLockerKeyRecoveryRestriction : CustomResource
{
    public const string TypeToken = "entradevices:index:BitLockerKeyRecoveryRestriction";

    /// <summary>The effective value: true when owners cannot read their devices' keys.</summary>
    [Output("restrictOwnersFromReadingKeys")]
    public Output<bool> RestrictOwnersFromReadingKeys { get; private set; } = null!;

    /// <summary>The value before this resource first managed it.</summary>
    [Output("originalValue")]
    public Output<bool> OriginalValue { get; private set; } = null!;

    public BitLockerKeyRecoveryRestriction(string name, BitLockerKeyRecoveryRestrictionArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new BitLockerKeyRecoveryRestrictionArgs(), options)
    {
    }
}
