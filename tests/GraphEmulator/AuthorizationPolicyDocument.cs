using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>The stored authorizationPolicy: its seed, and how a PATCH merges into it.</summary>
internal static class AuthorizationPolicyDocument
{
    private static readonly string[] ReadOnly = ["id", "displayName", "description"];

    private static readonly Dictionary<string, JsonValueKind> TopLevel = new()
    {
        ["allowInvitesFrom"] = JsonValueKind.String,
        ["allowedToSignUpEmailBasedSubscriptions"] = JsonValueKind.True,
        ["allowedToUseSSPR"] = JsonValueKind.True,
        ["allowEmailVerifiedUsersToJoinOrganization"] = JsonValueKind.True,
        ["blockMsolPowerShell"] = JsonValueKind.True,
        ["guestUserRoleId"] = JsonValueKind.String,
        ["defaultUserRolePermissions"] = JsonValueKind.Object,
    };

    private static readonly Dictionary<string, JsonValueKind> DefaultUserRolePermissions = new()
    {
        ["allowedToCreateApps"] = JsonValueKind.True,
        ["allowedToCreateSecurityGroups"] = JsonValueKind.True,
        ["allowedToCreateTenants"] = JsonValueKind.True,
        ["allowedToReadBitlockerKeysForOwnedDevice"] = JsonValueKind.True,
        ["allowedToReadOtherUsers"] = JsonValueKind.True,
        ["permissionGrantPoliciesAssigned"] = JsonValueKind.Array,
    };

    private static readonly string[] InviteValues = ["none", "adminsAndGuestInviters", "adminsGuestInvitersAndAllMembers", "everyone"];

    public static JsonObject Seed() => new()
    {
        ["id"] = "authorizationPolicy",
        ["displayName"] = "Authorization Policy",
        ["description"] = "Used to manage authorization related settings across the company.",
        ["allowInvitesFrom"] = "everyone",
        ["allowedToSignUpEmailBasedSubscriptions"] = true,
        ["allowedToUseSSPR"] = true,
        ["allowEmailVerifiedUsersToJoinOrganization"] = false,
        ["blockMsolPowerShell"] = false,
        ["guestUserRoleId"] = "10dae51f-b6af-4016-8d66-8c2a99b929b3",
        ["defaultUserRolePermissions"] = new JsonObject
        {
            ["allowedToCreateApps"] = true,
            ["allowedToCreateSecurityGroups"] = true,
            ["allowedToCreateTenants"] = true,
            ["allowedToReadBitlockerKeysForOwnedDevice"] = true,
            ["allowedToReadOtherUsers"] = true,
            ["permissionGrantPoliciesAssigned"] = new JsonArray("ManagePermissionGrantsForSelf.microsoft-user-default-legacy"),
        },
    };

    /// <summary>Checks a PATCH body, or throws a Graph 400 <c>Request_BadRequest</c> naming the property.</summary>
    public static JsonObject ParsePatch(string? text)
    {
        JsonObject? patch = null;
        try
        {
            patch = text is null ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (patch is null)
        {
            throw GraphErrorException.BadRequest("The request body must be a JSON object.");
        }

        CheckProperties(patch, "", TopLevel);
        if (patch["defaultUserRolePermissions"] is JsonObject permissions)
        {
            CheckProperties(permissions, "defaultUserRolePermissions.", DefaultUserRolePermissions);
        }

        return patch;
    }

    /// <summary>Merges a checked PATCH body into the stored policy, nested objects property by property.</summary>
    public static JsonObject Merge(JsonObject current, JsonObject patch)
    {
        var merged = current.DeepClone().AsObject();
        foreach (var (name, value) in patch.Where(property => !property.Key.Contains('@')))
        {
            if (value is JsonObject nested && merged[name] is JsonObject existing)
            {
                merged[name] = Merge(existing, nested);
            }
            else
            {
                merged[name] = value?.DeepClone();
            }
        }

        return merged;
    }

    public static JsonObject AsResponse(JsonObject stored, string version)
    {
        var response = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/{version}/$metadata#policies/authorizationPolicy/$entity" };
        foreach (var (name, value) in stored)
        {
            response[name] = value?.DeepClone();
        }

        return response;
    }

    // Annotations such as "@odata.type" (the Graph SDK writes them) are ignored.
    private static void CheckProperties(JsonObject patch, string prefix, Dictionary<string, JsonValueKind> known)
    {
        foreach (var (name, value) in patch.Where(property => !property.Key.Contains('@')))
        {
            if (ReadOnly.Contains(name) && prefix.Length == 0)
            {
                throw GraphErrorException.BadRequest($"Property '{name}' is read-only and cannot be updated.");
            }

            if (!known.TryGetValue(name, out var kind))
            {
                throw GraphErrorException.BadRequest($"Invalid property '{prefix}{name}'.");
            }

            if (!HasKind(value, kind) || (name == "allowInvitesFrom" && !InviteValues.Contains(value!.GetValue<string>())))
            {
                throw GraphErrorException.BadRequest($"Invalid value for property '{prefix}{name}'.");
            }
        }
    }

    private static bool HasKind(JsonNode? value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        JsonValueKind.Array => value is JsonArray items && items.All(item => item?.GetValueKind() == JsonValueKind.String),
        _ => value?.GetValueKind() == kind,
    };
}
