using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>Inputs of <see cref="BitLockerKeyRecoveryRestriction"/>.</summary>
public sealed class BitLockerKeyRecoveryRestrictionArgs : ResourceArgs
{
    /// <summary>True keeps device owners from reading their own devices' BitLocker recovery keys.</summary>
    [Input("restrictOwnersFromReadingKeys")]
    public Input<bool>? RestrictOwnersFromReadingKeys { get; set; }
}
