using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>The three deviceRegistrationMembership shapes, by their <c>@odata.type</c>.</summary>
internal static class Memberships
{
    public const string AllType = "#microsoft.graph.allDeviceRegistrationMembership";
    public const string NoneType = "#microsoft.graph.noDeviceRegistrationMembership";
    public const string EnumeratedType = "#microsoft.graph.enumeratedDeviceRegistrationMembership";

    public static JsonObject All() => new() { ["@odata.type"] = AllType };

    public static JsonObject None() => new() { ["@odata.type"] = NoneType };

    public static JsonObject Enumerated(IEnumerable<string> users, IEnumerable<string> groups) => new()
    {
        ["@odata.type"] = EnumeratedType,
        ["users"] = new JsonArray(users.Select(user => (JsonNode?)user).ToArray()),
        ["groups"] = new JsonArray(groups.Select(group => (JsonNode?)group).ToArray()),
    };
}
