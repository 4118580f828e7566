using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// The five writable parts of a deviceRegistrationPolicy PUT, validated as the service does:
/// every part is required, read-only fields and annotations are ignored, anything else is refused.
/// </summary>
internal sealed record DeviceRegistrationPolicyBody(
    int UserDeviceQuota,
    string MultiFactorAuthConfiguration,
    JsonObject AllowedToRegister,
    JsonObject AllowedToJoin,
    bool EnableGlobalAdmins,
    JsonObject RegisteringUsers,
    bool LocalAdminPasswordEnabled)
{
    private static readonly string[] TopLevel =
        ["id", "displayName", "description", "userDeviceQuota", "multiFactorAuthConfiguration", "azureADRegistration", "azureADJoin", "localAdminPassword"];

    private static readonly string[] MultiFactorValues = ["notRequired", "required"];

    /// <summary>Parses a request body or throws a Graph 400 <c>invalid_request</c> naming the property.</summary>
    public static DeviceRegistrationPolicyBody Parse(string? text)
    {
        var body = ParseObject(text);
        RefuseUnknown(body, "", TopLevel);

        if (body["userDeviceQuota"] is null)
        {
            throw GraphErrorException.InvalidRequest("Tenant registration policy is missing a value for quota");
        }

        var registration = Section(body, "azureADRegistration", ["isAdminConfigurable", "allowedToRegister"]);
        var join = Section(body, "azureADJoin", ["isAdminConfigurable", "allowedToJoin", "localAdmins"]);
        var localAdmins = Section(join, "localAdmins", ["enableGlobalAdmins", "registeringUsers"], "azureADJoin.");
        var password = Section(body, "localAdminPassword", ["isEnabled"]);

        return new DeviceRegistrationPolicyBody(
            Quota(body["userDeviceQuota"]),
            MultiFactor(Required(body, "multiFactorAuthConfiguration")),
            Membership(Required(registration, "allowedToRegister", "azureADRegistration."), "azureADRegistration.allowedToRegister"),
            Membership(Required(join, "allowedToJoin", "azureADJoin."), "azureADJoin.allowedToJoin"),
            Boolean(Required(localAdmins, "enableGlobalAdmins", "azureADJoin.localAdmins."), "azureADJoin.localAdmins.enableGlobalAdmins"),
            Membership(Required(localAdmins, "registeringUsers", "azureADJoin.localAdmins."), "azureADJoin.localAdmins.registeringUsers"),
            Boolean(Required(password, "isEnabled", "localAdminPassword."), "localAdminPassword.isEnabled"));
    }

    private static JsonObject ParseObject(string? text)
    {
        try
        {
            if (text is not null && JsonNode.Parse(text) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }

        throw GraphErrorException.InvalidRequest("The request body must be a JSON object describing the device registration policy.");
    }

    private static JsonNode Required(JsonObject parent, string name, string prefix = "") =>
        parent[name] ?? throw GraphErrorException.InvalidRequest($"Tenant registration policy is missing a value for {prefix}{name}");

    private static JsonObject Section(JsonObject parent, string name, string[] known, string prefix = "")
    {
        if (Required(parent, name, prefix) is not JsonObject section)
        {
            throw Invalid(prefix + name);
        }

        RefuseUnknown(section, prefix + name + ".", known);
        return section;
    }

    private static int Quota(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var quota) && quota >= 0)
        {
            return quota;
        }

        throw Invalid("userDeviceQuota");
    }

    private static string MultiFactor(JsonNode node)
    {
        var text = String(node);
        return MultiFactorValues.Contains(text) ? text! : throw Invalid("multiFactorAuthConfiguration");
    }

    private static bool Boolean(JsonNode node, string path) => node.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(path),
    };

    private static JsonObject Membership(JsonNode node, string path)
    {
        if (node is not JsonObject membership)
        {
            throw Invalid(path);
        }

        return String(membership["@odata.type"]) switch
        {
            Memberships.AllType => Memberships.All(),
            Memberships.NoneType => Memberships.None(),
            Memberships.EnumeratedType => Memberships.Enumerated(Ids(membership["users"], path + ".users"), Ids(membership["groups"], path + ".groups")),
            _ => throw Invalid(path + ".@odata.type"),
        };
    }

    // An absent list means an empty one, as OData collections do.
    private static string[] Ids(JsonNode? node, string path) => node switch
    {
        null => [],
        JsonArray items when items.All(item => String(item) is not null) => items.Select(item => String(item)!).ToArray(),
        _ => throw Invalid(path),
    };

    private static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // Annotations such as "@odata.type" (the Graph SDK writes them on every complex value) are ignored.
    private static void RefuseUnknown(JsonObject section, string prefix, string[] known)
    {
        var unknown = section.Select(property => property.Key).FirstOrDefault(name => !name.Contains('@') && !known.Contains(name));
        if (unknown is not null)
        {
            throw GraphErrorException.InvalidRequest($"Tenant registration policy has an unknown property {prefix}{unknown}");
        }
    }

    private static GraphErrorException Invalid(string path) =>
        GraphErrorException.InvalidRequest($"Tenant registration policy has an invalid value for {path}");
}
