using System.Text.Json.Nodes;
using static EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction.RestrictionProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;

/// <summary>The resource's part of the package schema: what users see in generated SDKs and docs.</summary>
internal static class RestrictionSchema
{
    public static JsonObject Resource() => new()
    {
        ["description"] = "Restrict non-admin users from recovering the BitLocker key(s) for their owned devices (Microsoft Entra admin center: Devices > Device settings). "
            + "A singleton with id `authorizationPolicy`: Graph's authorization policy setting `defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice`, where restricting means `false`. "
            + "Creating it adopts the tenant's setting and changes it only when declared; destroying it puts a declared setting back as found. No other authorization policy setting is ever written. "
            + "Needs the Microsoft Graph permission Policy.ReadWrite.Authorization (Entra role Privileged Role Administrator for a signed-in user).",
        ["inputProperties"] = new JsonObject
        {
            [RestrictOwnersFromReadingKeys] = Boolean("true: device owners who are not administrators cannot recover the BitLocker keys of their own devices (portal: Yes); false: they can (portal: No). Undeclared: left as the tenant has it."),
        },
        ["properties"] = new JsonObject
        {
            [RestrictOwnersFromReadingKeys] = Boolean("The effective setting: true when device owners cannot recover the BitLocker keys of their own devices."),
            [OriginalValue] = Boolean("The setting as found when this stack adopted it; destroy puts it back if the program declared restrictOwnersFromReadingKeys."),
        },
        ["required"] = new JsonArray(RestrictOwnersFromReadingKeys, OriginalValue),
    };
}
