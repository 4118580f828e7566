using System.Text;
using System.Text.Json.Nodes;

namespace EntraDevices.Provider.Tests.Docs;

/// <summary>
/// A resource's reference page, its generated part written from the package schema alone (as Pulumi's registry pages
/// are): the description, every input and output with its type and description, and the object types they use.
/// </summary>
internal static class ResourceReference
{
    public const string Begin = "<!-- Generated from the provider's schema (tests/EntraDevices.Provider.Tests/Docs): edit the schema, not these lines. -->";
    public const string End = "<!-- End of the generated part; what follows is written by hand. -->";

    /// <summary>The file name of a resource's page: its type token's last part.</summary>
    public static string FileName(string token) => $"{token[(token.LastIndexOf(':') + 1)..]}.md";

    public static string Render(JsonObject schema, string token)
    {
        var resource = schema["resources"]![token]!.AsObject();
        var types = schema["types"]?.AsObject() ?? [];
        var required = Names(resource["requiredInputs"]);
        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        text.Append("# `").Append(token).Append("`\n\n");
        text.Append(Line(resource["description"])).Append("\n\n");
        text.Append("## Inputs\n\n| input | type | required | description |\n|---|---|---|---|\n");
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, spec) in resource["inputProperties"]!.AsObject())
        {
            text.Append($"| `{name}` | {Type(spec!.AsObject(), used)} | {(required.Contains(name) ? "yes" : "no")} | {Cell(spec["description"])} |\n");
        }

        text.Append("\n## Outputs\n\n| output | type | description |\n|---|---|---|\n");
        foreach (var (name, spec) in resource["properties"]!.AsObject())
        {
            text.Append($"| `{name}` | {Type(spec!.AsObject(), used)} | {Cell(spec["description"])} |\n");
        }

        // Object types, and the ones they refer to in turn.
        var written = new HashSet<string>(StringComparer.Ordinal);
        while (used.Except(written).FirstOrDefault() is { } next)
        {
            written.Add(next);
            var type = types[$"entradevices:index:{next}"]!.AsObject();
            var typeRequired = Names(type["required"]);
            text.Append($"\n### Type `{next}`\n\n{Line(type["description"])}\n\n| field | type | required | description |\n|---|---|---|---|\n");
            foreach (var (name, spec) in type["properties"]!.AsObject())
            {
                text.Append($"| `{name}` | {Type(spec!.AsObject(), used)} | {(typeRequired.Contains(name) ? "yes" : "no")} | {Cell(spec["description"])} |\n");
            }
        }

        text.Append('\n').Append(End).Append('\n');
        return text.ToString();
    }

    /// <summary>The generated part of a page: from <see cref="Begin"/> to <see cref="End"/>, both included; null when either is missing.</summary>
    public static string? GeneratedPart(string page)
    {
        var begin = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : page[begin..(end + End.Length)] + "\n";
    }

    private static HashSet<string> Names(JsonNode? list) => [.. (list as JsonArray ?? []).Select(n => (string)n!)];

    private static string Type(JsonObject spec, ISet<string> used)
    {
        var secret = spec["secret"]?.GetValue<bool>() == true ? " (secret)" : "";
        if ((string?)spec["$ref"] is { } reference)
        {
            if (reference.StartsWith("pulumi.json#/", StringComparison.Ordinal))
            {
                return reference["pulumi.json#/".Length..] + secret;
            }

            var name = reference[(reference.LastIndexOf(':') + 1)..];
            used.Add(name);
            return $"[{name}](#type-{name.ToLowerInvariant()}){secret}";
        }

        return (string?)spec["type"] switch
        {
            "array" => $"list of {Type(spec["items"]!.AsObject(), used)}{secret}",
            "object" when spec["additionalProperties"] is JsonObject values => $"map of {Type(values, used)}{secret}",
            var type => $"{type}{secret}",
        };
    }

    private static string Line(JsonNode? text) => ((string?)text ?? "").Replace("\r", "", StringComparison.Ordinal).Trim();

    private static string Cell(JsonNode? text) => Line(text).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
