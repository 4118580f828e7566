using System.Text.Json;
using Pulumi;

namespace Infra.Settings;

/// <summary>The thin adapter from Pulumi's stack configuration to <see cref="StackSettings.Parse"/>.</summary>
internal static class PulumiStackSettings
{
    /// <summary>Where the Pulumi .NET SDK receives the whole stack configuration from the language host.</summary>
    private const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>
    /// Reads every key in the project's namespace, as the engine hands them to the SDK (so a misspelled key, or one
    /// set with <c>pulumi config set</c>, is seen too), and validates them. Call it before declaring any resource:
    /// an invalid configuration then fails the update with nothing changed.
    /// </summary>
    /// <exception cref="RunException">The configuration is invalid; the message lists every problem, without a stack trace.</exception>
    public static StackSettings Load()
    {
        var project = Deployment.Instance.ProjectName;
        try
        {
            var (values, otherKeys) = Split(Environment.GetEnvironmentVariable(ConfigVariable), project);
            return StackSettings.Parse(values, project, otherKeys);
        }
        catch (StackSettingsException e)
        {
            // Pulumi reports a RunException by its message alone.
            throw new RunException(e.Message, e);
        }
    }

    /// <summary>The keys of every other namespace in the SDK's configuration JSON, in full (<c>namespace:key</c>).</summary>
    public static IReadOnlyList<string> OtherKeys(string? configJson, string project) => Split(configJson, project).OtherKeys;

    /// <summary>The values of <paramref name="project"/>'s keys (namespace removed) in the SDK's configuration JSON.</summary>
    public static IReadOnlyDictionary<string, string?> ProjectValues(string? configJson, string project) => Split(configJson, project).Values;

    /// <summary>The configuration JSON read once: the project's values (namespace removed), and every other namespace's keys in full.</summary>
    private static (IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> OtherKeys) Split(string? configJson, string project)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var otherKeys = new List<string>();
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return (values, otherKeys);
        }

        var prefix = project + ":";
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(configJson) ?? [])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                values[key[prefix.Length..]] = value;
            }
            else if (key.Contains(':', StringComparison.Ordinal))
            {
                otherKeys.Add(key);
            }
        }

        return (values, otherKeys);
    }
}
