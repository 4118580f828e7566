using System.Text.Json;

namespace Infra.Settings;

/// <summary>
/// Turns the program's structured configuration (each section a JSON object, as Pulumi hands it to the program)
/// into one value per key path (<c>deviceRegistrationPolicy.joinScope</c>): scalars as their text, lists as JSON.
/// Keys of earlier versions and sections that are not objects become errors that say what to write instead.
/// </summary>
internal static class StructuredConfig
{
    public static IReadOnlyDictionary<string, string?> Flatten(IReadOnlyDictionary<string, string?> values, string configNamespace, List<string> errors)
    {
        var flat = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, raw) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (raw is null)
            {
                continue;
            }

            if (ConfigKeys.Replaced.TryGetValue(key, out var replacement))
            {
                var (home, property) = Split(replacement);
                errors.Add($"'{configNamespace}:{key}' is a key of an earlier version; it is now '{configNamespace}:{replacement}': "
                    + $"write it under '{configNamespace}:{home}' as '{property}: …' (or `pulumi config set --path {replacement} …`).");
                continue;
            }

            if (!ConfigKeys.Sections.Contains(key, StringComparer.Ordinal))
            {
                // Not a section: the reader reports it as unknown, with the closest known key.
                flat[key] = raw;
                continue;
            }

            if (!TryObject(raw, out var section))
            {
                errors.Add($"'{configNamespace}:{key}' must be an object of settings (e.g. '{key}:' with indented keys below it); got '{raw}'.");
                continue;
            }

            foreach (var property in section.EnumerateObject())
            {
                flat[$"{key}.{property.Name}"] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return flat;
    }

    private static (string Section, string Property) Split(string path) => (path[..path.IndexOf('.')], path[(path.IndexOf('.') + 1)..]);

    private static bool TryObject(string raw, out JsonElement section)
    {
        section = default;
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            section = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
