using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace EntraDevices.Graph.Tests;

/// <summary>Graph response bodies copied from the Graph docs, kept as JSON beside the tests.</summary>
internal static class Fixture
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static T Parse<T>(string json, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var node = new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream).GetAwaiter().GetResult();
        return node.GetObjectValue(factory)!;
    }

    public static JsonObject Serialize(IParsable value)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var content = writer.GetSerializedContent();
        return JsonNode.Parse(content)!.AsObject();
    }
}
