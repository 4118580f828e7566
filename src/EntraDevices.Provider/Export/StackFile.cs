using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EntraDevices.Provider.Export;

/// <summary>
/// The stack file as the tenant holds it: <c>config:</c> with one structured object per section, under the project's
/// namespace, each preceded by its notes as comments. Written through YamlDotNet's emitter, so every value is quoted as
/// YAML needs.
/// </summary>
internal static class StackFile
{
    /// <summary>The provider keys carried over from the current stack file; the secret ones never are.</summary>
    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(StringComparer.Ordinal) { "clientSecret", "oidcToken", "oidcRequestToken", "accessToken" };

    public static string Write(string project, IReadOnlyList<ExportedSection> sections, IReadOnlyList<UnreadSection> unread,
        IReadOnlyDictionary<string, string> providerKeys, string header)
    {
        using var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        foreach (var line in header.Split('\n'))
        {
            emitter.Emit(new Comment(line, false));
        }

        emitter.Emit(new MappingStart());
        emitter.Emit(new Scalar("config"));
        emitter.Emit(new MappingStart());
        foreach (var (key, value) in providerKeys.Where(pair => !SecretKeys.Contains(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Emit(emitter, $"entradevices:{key}", JsonValue.Create(value));
        }

        // The program creates its dynamic Autopilot device group unless told not to: the tenant's groups are named by id instead.
        Comments(emitter, ["The tenant's own groups are named by id below; with create: true the program would make a new dynamic Autopilot device group."]);
        Emit(emitter, $"{project}:{ProgramShape.AutopilotGroupSection}", new JsonObject { ["create"] = false });
        foreach (var section in sections)
        {
            Comments(emitter, section.Notes);
            Emit(emitter, $"{project}:{section.Name}", section.Config);
        }

        foreach (var missing in unread)
        {
            Comments(emitter, [$"{missing.Name}: not read, so not declared (the program leaves it as the tenant has it): {missing.Reason}"]);
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Comments(IEmitter emitter, IEnumerable<string> notes)
    {
        foreach (var note in notes.Where(n => n.Length > 0))
        {
            foreach (var line in Wrap(note.ReplaceLineEndings(" "), 110))
            {
                emitter.Emit(new Comment(line, false));
            }
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static void Emit(IEmitter emitter, string key, JsonNode? value)
    {
        emitter.Emit(new Scalar(key));
        Value(emitter, value);
    }

    private static void Value(IEmitter emitter, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart());
                foreach (var (name, item) in map)
                {
                    emitter.Emit(new Scalar(name));
                    Value(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(null, null, false, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list)
                {
                    Value(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                // Quoted, so "true", "60" or "" stay strings when Pulumi reads them back.
                var text = scalar.GetValue<string>();
                emitter.Emit(new Scalar(null, null, text, ScalarStyle.DoubleQuoted, false, true));
                break;
            case JsonValue scalar:
                emitter.Emit(new Scalar(null, null, scalar.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }
}
