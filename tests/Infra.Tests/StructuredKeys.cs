using System.Text.Json.Nodes;

namespace Infra.Tests;

/// <summary>
/// Stack configuration written as key paths (<c>deviceRegistrationPolicy.joinScope</c>) turned into what Pulumi hands
/// the program: one JSON object per section. A key without a dot is passed as it is (an old or a misspelled key).
/// </summary>
internal static class StructuredKeys
{
    public static Dictionary<string, string?> Values(IEnumerable<(string Key, string? Value)> paths)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var sections = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (key, value) in paths)
        {
            var dot = key.IndexOf('.');
            if (dot < 0)
            {
                values[key] = value;
                continue;
            }

            var section = key[..dot];
            if (!sections.TryGetValue(section, out var node))
            {
                sections[section] = node = [];
            }

            node[key[(dot + 1)..]] = value;
        }

        foreach (var (section, node) in sections)
        {
            values[section] = node.ToJsonString();
        }

        return values;
    }
}
