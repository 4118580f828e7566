namespace EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;

/// <summary>The property names of the resource.</summary>
internal static class RestrictionProperties
{
    public const string RestrictOwnersFromReadingKeys = "restrictOwnersFromReadingKeys";
    public const string OriginalValue = "originalValue";

    /// <summary>Every input leaf, as Diff reports it.</summary>
    public static readonly string[] Leaves = [RestrictOwnersFromReadingKeys];
}
