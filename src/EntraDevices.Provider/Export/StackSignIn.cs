using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Values;
using YamlDotNet.RepresentationModel;

namespace EntraDevices.Provider.Export;

/// <summary>
/// The sign-in of the provider for one stack: the <c>entradevices:*</c> keys of <c>Pulumi.&lt;stack&gt;.yaml</c> (where
/// that file exists), each falling back to its environment variable, checked by the provider's own rules.
/// </summary>
internal static class StackSignIn
{
    private const string Namespace = "entradevices:";

    /// <summary>The provider's config for the stack, or every problem with it (each naming its key or variable; no secret shown).</summary>
    public static (ObjectValue? Config, IReadOnlyList<string> Problems) Read(string? stackFile, Func<string, string?> environment)
    {
        var problems = new List<string>();
        var keys = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        if (stackFile is not null && File.Exists(stackFile))
        {
            foreach (var (key, node) in ConfigOf(stackFile, problems))
            {
                if (!key.StartsWith(Namespace, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = key[Namespace.Length..];
                switch (node)
                {
                    case YamlScalarNode { Value: { } value }:
                        keys[name] = new StringValue(value);
                        break;
                    case YamlMappingNode secure when secure.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "secure"):
                        // Only the Pulumi CLI decrypts a stack's secrets: the variable it falls back to serves instead.
                        var variables = EntraDevices.Graph.Connection.ConnectionSettings.EnvironmentVariables.GetValueOrDefault(name) ?? [];
                        if (!variables.Any(variable => !string.IsNullOrWhiteSpace(environment(variable))))
                        {
                            problems.Add($"{key} is a secret in {Path.GetFileName(stackFile)}, which only the Pulumi CLI decrypts: "
                                + (variables.Length > 0 ? $"set {string.Join(" or ", variables)} for the export instead." : "this key has no environment variable; sign in another way."));
                        }

                        break;
                    default:
                        problems.Add($"{key} in {Path.GetFileName(stackFile)} is not a single value.");
                        break;
                }
            }
        }

        var config = new ObjectValue(keys);
        problems.AddRange(ProviderConfig.Check(config, environment).Select(failure => failure.Reason));
        return (problems.Count == 0 ? config : null, problems);
    }

    /// <summary>The project's name from <c>Pulumi.yaml</c> in <paramref name="folder"/>, or null where it has none.</summary>
    public static string? ProjectName(string folder)
    {
        var file = Path.Combine(folder, "Pulumi.yaml");
        if (!File.Exists(file))
        {
            return null;
        }

        var root = Load(file, []) as YamlMappingNode;
        return root?.Children.TryGetValue(new YamlScalarNode("name"), out var name) == true ? (name as YamlScalarNode)?.Value : null;
    }

    private static IEnumerable<(string Key, YamlNode Value)> ConfigOf(string stackFile, List<string> problems)
    {
        if (Load(stackFile, problems) is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var config) || config is not YamlMappingNode keys)
        {
            return [];
        }

        return keys.Children.Where(pair => pair.Key is YamlScalarNode { Value: not null }).Select(pair => (((YamlScalarNode)pair.Key).Value!, pair.Value));
    }

    private static YamlNode? Load(string file, List<string> problems)
    {
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            problems.Add($"{Path.GetFileName(file)} is not YAML the export can read ({error.Start.Line}:{error.Start.Column}): {error.Message}");
            return null;
        }
    }
}
