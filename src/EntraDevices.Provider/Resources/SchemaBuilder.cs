using System.Text.Json.Nodes;

namespace EntraDevices.Provider.Resources;

/// <summary>Small constructors for Pulumi package-schema property specs; every one carries a description.</summary>
internal static class SchemaBuilder
{
    public static JsonObject String(string description, bool secret = false)
    {
        var spec = new JsonObject { ["type"] = "string", ["description"] = description };
        if (secret)
        {
            spec["secret"] = true;
        }

        return spec;
    }

    public static JsonObject Integer(string description) => new() { ["type"] = "integer", ["description"] = description };

    public static JsonObject Boolean(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject Strings(string description) =>
        new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description };

    public static JsonObject Ref(string reference, string description) => new() { ["$ref"] = reference, ["description"] = description };

    public static JsonObject Object(string description, JsonObject properties, params string[] required)
    {
        var spec = new JsonObject { ["type"] = "object", ["description"] = description, ["properties"] = properties };
        if (required.Length > 0)
        {
            spec["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return spec;
    }
}
