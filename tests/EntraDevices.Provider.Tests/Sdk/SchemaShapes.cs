using System.Text.Json.Nodes;

namespace EntraDevices.Provider.Tests.Sdk;

/// <summary>The inputs and outputs of every resource of the package schema (<c>GetSchema</c>), as shapes.</summary>
internal sealed class SchemaShapes(JsonObject schema)
{
    public IEnumerable<string> Tokens => schema["resources"]!.AsObject().Select(r => r.Key);

    public Shape Inputs(string token) => Object(Resource(token)["inputProperties"]?.AsObject(), Resource(token)["requiredInputs"]?.AsArray());

    public Shape Outputs(string token) => Object(Resource(token)["properties"]?.AsObject(), Resource(token)["required"]?.AsArray());

    private JsonObject Resource(string token) => schema["resources"]![token]!.AsObject();

    private Shape Object(JsonObject? properties, JsonArray? required)
    {
        var names = required?.Select(r => (string)r!).ToHashSet() ?? [];
        return new Shape((properties ?? []).ToDictionary(p => p.Key, p => Property(p.Value!.AsObject(), names.Contains(p.Key))));
    }

    private Property Property(JsonObject spec, bool required)
    {
        var secret = spec["secret"]?.GetValue<bool>() == true;
        if (spec["$ref"] is JsonValue pulumiType && ((string)pulumiType!).StartsWith("pulumi.json#/", StringComparison.Ordinal))
        {
            // Pulumi's own types: Asset, Archive, Any.
            return new Property(((string)pulumiType!)["pulumi.json#/".Length..].ToLowerInvariant(), required, secret);
        }

        if (spec["$ref"] is JsonValue reference)
        {
            var type = schema["types"]![((string)reference!)["#/types/".Length..]]!.AsObject();
            return new Property("object", required, secret, Object: Object(type["properties"]?.AsObject(), type["required"]?.AsArray()));
        }

        var kind = (string)spec["type"]!;
        if (kind == "object" && spec["additionalProperties"] is JsonObject values)
        {
            return new Property("map", required, secret, Items: Property(values, required: true));
        }

        return kind == "array"
            ? new Property(kind, required, secret, Items: Property(spec["items"]!.AsObject(), required: true))
            : new Property(kind, required, secret);
    }
}
