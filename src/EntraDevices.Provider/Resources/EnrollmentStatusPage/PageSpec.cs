using System.Text.Json.Nodes;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.EnrollmentStatusPage.PageProperties;

namespace EntraDevices.Provider.Resources.EnrollmentStatusPage;

/// <summary>
/// What the program declares, fully known: the settings it names (Graph's JSON), the groups (null: not managed) and
/// the priority (null: where Graph puts it). What is not declared gets Graph's default on create and is left alone after.
/// </summary>
internal sealed record PageSpec(string DisplayName, JsonObject Settings, IReadOnlyList<string>? Groups, int? Priority)
{
    public static PageSpec Read(ObjectValue inputs)
    {
        var settings = new JsonObject();
        foreach (var field in StatusPageFields.Writable)
        {
            if (inputs.At(field.Name) is { Plain: not NullValue } value && ToJson(field, value) is { } json)
            {
                settings[field.Name] = json;
            }
        }

        return new PageSpec(
            inputs.At(PageProperties.DisplayName)?.Plain is StringValue name ? name.Value : "",
            settings,
            inputs.At(Assignments)?.Plain is ArrayValue groups ? [.. groups.Items.Select(g => g.Plain).OfType<StringValue>().Select(g => g.Value)] : null,
            inputs.At(PageProperties.Priority)?.Plain is NumberValue priority ? (int)priority.Value : null);
    }

    /// <summary>The declared settings that differ from the page's: what a PATCH carries.</summary>
    public JsonObject Changes(StatusPage live)
    {
        var changes = new JsonObject();
        if (DisplayName != live.DisplayName)
        {
            changes[PageProperties.DisplayName] = DisplayName;
        }

        foreach (var field in StatusPageFields.Writable.Where(f => Settings.ContainsKey(f.Name) && !Same(f, Settings[f.Name], live.Settings[f.Name])))
        {
            changes[field.Name] = Settings[field.Name]!.DeepClone();
        }

        return changes;
    }

    public bool GroupsDiffer(StatusPage live) => Groups is { } groups && !groups.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(live.Groups);

    public bool HeldBy(StatusPage live) => Changes(live).Count == 0 && !GroupsDiffer(live) && (Priority is null || Priority == live.Priority);
}
