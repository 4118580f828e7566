using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests;

/// <summary>
/// A committed Pulumi.&lt;stack&gt;.yaml at the repository root, with its <c>config:</c> values turned into the
/// strings Pulumi hands the program (scalars as written, lists and maps as JSON).
/// </summary>
internal sealed record StackConfigFile(string StackName, string FilePath, IReadOnlyDictionary<string, string> Config)
{
    private static readonly Lazy<string> Project = new(() => ReadProjectName(Path.Combine(RepositoryRoot.FullPath, "Pulumi.yaml")));

    /// <summary>The <c>name:</c> of Pulumi.yaml, which is also the namespace of the program's configuration keys.</summary>
    public static string ProjectName => Project.Value;

    /// <summary>The stack of every Pulumi.&lt;stack&gt;.yaml at the repository root, sorted.</summary>
    public static IReadOnlyList<string> StackNames()
        => Directory.GetFiles(RepositoryRoot.FullPath, "Pulumi.*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "Pulumi.yaml")
            .Select(name => name["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static StackConfigFile Load(string stackName) => Load(stackName, Path.Combine(RepositoryRoot.FullPath, $"Pulumi.{stackName}.yaml"));

    /// <summary>A stack file at <paramref name="path"/> (a test fixture).</summary>
    public static StackConfigFile Load(string stackName, string path)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Mapping(ReadRoot(path), "config") is { } configNode)
        {
            foreach (var (key, value) in configNode.Children)
            {
                config[Scalar(key)] = value is YamlScalarNode scalar ? scalar.Value ?? "" : ToJson(value)?.ToJsonString() ?? "null";
            }
        }

        return new StackConfigFile(stackName, path, config);
    }

    /// <summary>The values of the program's own keys (namespace removed), as <c>StackSettings.Parse</c> takes them.</summary>
    public IReadOnlyDictionary<string, string?> ProjectSettings()
    {
        var prefix = ProjectName + ":";
        return Config
            .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key[prefix.Length..], pair => (string?)pair.Value, StringComparer.Ordinal);
    }

    private static string ReadProjectName(string path)
    {
        foreach (var (key, value) in ReadRoot(path).Children)
        {
            if (Scalar(key) == "name")
            {
                return Scalar(value);
            }
        }

        throw new InvalidOperationException($"{path} has no name.");
    }

    private static YamlMappingNode ReadRoot(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidOperationException($"{path} is not a YAML mapping.");
    }

    private static YamlMappingNode? Mapping(YamlMappingNode parent, string key)
    {
        foreach (var (childKey, value) in parent.Children)
        {
            if (Scalar(childKey) == key)
            {
                return value as YamlMappingNode ?? throw new InvalidOperationException($"'{key}' is not a mapping.");
            }
        }

        return null;
    }

    private static string Scalar(YamlNode node)
        => node is YamlScalarNode { Value: { } value } ? value : throw new InvalidOperationException($"Expected a scalar at {node.Start}.");

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(Scalar(pair.Key), ToJson(pair.Value)))),
        _ => throw new InvalidOperationException($"Unsupported YAML node at {node.Start}."),
    };
}
