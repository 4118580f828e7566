using System.Text.Json.Nodes;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Export;

/// <summary>Resource inputs (typed values) as stack configuration values: only what the resource holds is copied.</summary>
internal static class ConfigLeaves
{
    /// <summary>
    /// Copies the input at <paramref name="path"/> to <paramref name="key"/> when it is a boolean, number, string or list of
    /// strings, and a value the program accepts: an empty string (but where <paramref name="emptyAllowed"/>) or a number out of
    /// <paramref name="range"/> is left out, so the program leaves that setting as the tenant has it.
    /// </summary>
    public static void Copy(JsonObject config, string key, ObjectValue inputs, string path, (int Min, int Max)? range = null, bool emptyAllowed = false)
    {
        var value = inputs.At(path)?.Plain;
        var accepted = value switch
        {
            StringValue { Value.Length: 0 } => emptyAllowed,
            NumberValue number when range is { } bounds => number.Value >= bounds.Min && number.Value <= bounds.Max,
            _ => true,
        };
        if (accepted && Leaf(value) is { } leaf)
        {
            config[key] = leaf;
        }
    }

    public static JsonNode? Leaf(PropertyValue? value) => value?.Plain switch
    {
        BoolValue b => JsonValue.Create(b.Value),
        NumberValue n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < int.MaxValue => JsonValue.Create((int)n.Value),
        NumberValue n => JsonValue.Create(n.Value),
        StringValue s => JsonValue.Create(s.Value),
        ArrayValue a when a.Items.All(i => i.Plain is StringValue) => new JsonArray([.. a.Items.Select(i => (JsonNode?)JsonValue.Create(((StringValue)i.Plain).Value))]),
        _ => null,
    };

    public static string? Text(ObjectValue inputs, string path) => inputs.At(path)?.Plain is StringValue { Value: var text } ? text : null;

    public static IReadOnlyList<string> Strings(ObjectValue inputs, string path) =>
        inputs.At(path)?.Plain is ArrayValue list ? [.. list.Items.Select(i => i.Plain).OfType<StringValue>().Select(s => s.Value)] : [];

    public static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
}
