using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction.RestrictionProperties;

namespace EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;

/// <summary>Pure mapping between the setting and the resource's property objects.</summary>
internal static class RestrictionState
{
    /// <summary>The outputs: the effective setting and the one found when the stack adopted it.</summary>
    public static ObjectValue Outputs(bool effective, bool original) => ObjectValue.Of(
        (RestrictOwnersFromReadingKeys, new BoolValue(effective)),
        (OriginalValue, new BoolValue(original)));

    /// <summary>Inputs that declare the setting as found: what <c>pulumi import</c> records.</summary>
    public static ObjectValue ImportedInputs(bool live) => ObjectValue.Of((RestrictOwnersFromReadingKeys, new BoolValue(live)));

    /// <summary>The setting found at adoption, as kept in state; null when absent.</summary>
    public static bool? Original(ObjectValue properties) =>
        properties.At(OriginalValue)?.Plain is BoolValue original ? original.Value : null;
}
