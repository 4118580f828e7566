using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>The stored deviceRegistrationPolicy: its seed, and how a validated PUT becomes the new state.</summary>
internal static class DeviceRegistrationPolicyDocument
{
    public const string Id = "deviceRegistrationPolicy";
    public const string DisplayName = "Device Registration Policy";
    // Sic "intial": the service's own text.
    public const string Description =
        "Tenant-wide policy that manages intial provisioning controls using quota restrictions, additional authentication and authorization checks";

    /// <summary>The v1.0 GET example from the Graph docs; with Intune, registration is locked to all.</summary>
    public static JsonObject Seed(bool intuneEnabled)
    {
        var policy = Header();
        policy["userDeviceQuota"] = 2;
        policy["multiFactorAuthConfiguration"] = "notRequired";
        policy["azureADRegistration"] = new JsonObject
        {
            ["isAdminConfigurable"] = false,
            ["allowedToRegister"] = Memberships.None(),
        };
        policy["azureADJoin"] = new JsonObject
        {
            ["isAdminConfigurable"] = true,
            ["allowedToJoin"] = Memberships.All(),
            ["localAdmins"] = new JsonObject
            {
                ["enableGlobalAdmins"] = true,
                ["registeringUsers"] = Memberships.Enumerated(["3c8ef067-8b96-44de-b2ae-557dfa0f97a0"], []),
            },
        };
        policy["localAdminPassword"] = new JsonObject { ["isEnabled"] = false };
        return intuneEnabled ? WithRegistrationLocked(policy) : policy;
    }

    /// <summary>
    /// The state after a PUT of <paramref name="writable"/> (already validated): read-only fields and
    /// isAdminConfigurable come from <paramref name="current"/>; Intune keeps registration locked.
    /// </summary>
    public static JsonObject Replace(JsonObject current, DeviceRegistrationPolicyBody writable, bool intuneEnabled)
    {
        var policy = Header();
        policy["userDeviceQuota"] = writable.UserDeviceQuota;
        policy["multiFactorAuthConfiguration"] = writable.MultiFactorAuthConfiguration;
        policy["azureADRegistration"] = new JsonObject
        {
            ["isAdminConfigurable"] = StoredIsAdminConfigurable(current, "azureADRegistration"),
            ["allowedToRegister"] = writable.AllowedToRegister.DeepClone(),
        };
        policy["azureADJoin"] = new JsonObject
        {
            ["isAdminConfigurable"] = StoredIsAdminConfigurable(current, "azureADJoin"),
            ["allowedToJoin"] = writable.AllowedToJoin.DeepClone(),
            ["localAdmins"] = new JsonObject
            {
                ["enableGlobalAdmins"] = writable.EnableGlobalAdmins,
                ["registeringUsers"] = writable.RegisteringUsers.DeepClone(),
            },
        };
        policy["localAdminPassword"] = new JsonObject { ["isEnabled"] = writable.LocalAdminPasswordEnabled };
        return intuneEnabled ? WithRegistrationLocked(policy) : policy;
    }

    /// <summary>Intune or MDM requires registration, so the service shows it as "all" and not configurable.</summary>
    public static JsonObject WithRegistrationLocked(JsonObject policy)
    {
        var locked = policy.DeepClone().AsObject();
        locked["azureADRegistration"] = new JsonObject
        {
            ["isAdminConfigurable"] = false,
            ["allowedToRegister"] = Memberships.All(),
        };
        return locked;
    }

    /// <summary>The policy as GET returns it, with the version's <c>@odata.context</c> first.</summary>
    public static JsonObject AsResponse(JsonObject stored, string version)
    {
        var response = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/{version}/$metadata#deviceRegistrationPolicy" };
        foreach (var (name, value) in stored)
        {
            response[name] = value?.DeepClone();
        }

        return response;
    }

    private static JsonObject Header() => new()
    {
        ["id"] = Id,
        ["displayName"] = DisplayName,
        ["description"] = Description,
    };

    private static JsonNode StoredIsAdminConfigurable(JsonObject current, string section) =>
        current[section]?["isAdminConfigurable"]?.DeepClone() ?? JsonValue.Create(true);
}
