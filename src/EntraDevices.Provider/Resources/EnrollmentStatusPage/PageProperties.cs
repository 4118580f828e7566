using System.Text.Json.Nodes;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.EnrollmentStatusPage;

/// <summary>The property names of the resource (Graph's own), and the pure conversion of its settings.</summary>
internal static class PageProperties
{
    public const string DisplayName = "displayName";
    public const string Assignments = "assignments";
    public const string Priority = "priority";
    public const string CreatedDateTime = "createdDateTime";
    public const int MaxDisplayName = 256;
    public const int MaxCustomErrorMessage = 10_000;
    public const int MaxTimeoutMinutes = 1440;

    public static readonly string[] Fields = [.. StatusPageFields.Writable.Select(f => f.Name)];

    public static readonly string[] Leaves = [DisplayName, .. Fields, Assignments, Priority];

    public static readonly HashSet<string> IdLists = [Assignments, .. StatusPageFields.Writable.Where(f => f.Kind == FieldKind.Ids).Select(f => f.Name)];

    public static PropertyValue? FromJson(PageField field, JsonNode? json) => (field.Kind, json) switch
    {
        (_, null) => null,
        (FieldKind.Flag, JsonValue v) when v.TryGetValue<bool>(out var b) => new BoolValue(b),
        // A number parsed from Graph's answer, or one this provider wrote (an int-backed JsonValue, which TryGetValue<double> refuses).
        (FieldKind.Minutes, JsonValue v) when v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            => new NumberValue(double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)),
        (FieldKind.Text, JsonValue v) when v.TryGetValue<string>(out var s) => new StringValue(s),
        (FieldKind.Ids, JsonArray a) => ArrayValue.Of(a.Select(i => (string?)i).OfType<string>()),
        _ => null,
    };

    public static JsonNode? ToJson(PageField field, PropertyValue value) => (field.Kind, value.Plain) switch
    {
        (FieldKind.Flag, BoolValue b) => JsonValue.Create(b.Value),
        (FieldKind.Minutes, NumberValue n) => JsonValue.Create((int)n.Value),
        (FieldKind.Text, StringValue s) => JsonValue.Create(s.Value),
        (FieldKind.Ids, ArrayValue a) => new JsonArray([.. a.Items.Select(i => i.Plain).OfType<StringValue>().Select(s => (JsonNode?)JsonValue.Create(s.Value))]),
        _ => null,
    };

    /// <summary>Two settings are the same; id lists in any order.</summary>
    public static bool Same(PageField field, JsonNode? a, JsonNode? b) => field.Kind == FieldKind.Ids
        ? (a as JsonArray ?? []).Select(i => (string?)i).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals((b as JsonArray ?? []).Select(i => (string?)i))
        : JsonNode.DeepEquals(a, b);
}
