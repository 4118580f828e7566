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
            var config = Environment.GetEnvironmentVariable(ConfigVariable);
            return StackSettings.Parse(ProjectValues(config, project), project, OtherKeys(config, project));
        }
        catch (StackSettingsException e)
        {
            // Pulumi reports a RunException by its message alone.
            throw new RunException(e.Message, e);
        }
    }

    /// <summary>The keys of every other namespace in the SDK's configuration JSON, in full (<c>namespace:key</c>).</summary>
    public static IReadOnlyList<string> OtherKeys(string? configJson, string project) => string.IsNullOrWhiteSpace(configJson)
        ? []
        : [.. (JsonSerializer.Deserialize<Dictionary<string, string?>>(configJson) ?? []).Keys
            .Where(key => key.Contains(':', StringComparison.Ordinal) && !key.StartsWith(project + ":", StringComparison.Ordinal))];

    /// <summary>The values of <paramref name="project"/>'s keys (namespace removed) in the SDK's configuration JSON.</summary>
    public static IReadOnlyDictionary<string, string?> ProjectValues(string? configJson, string project)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return values;
        }

        var prefix = project + ":";
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(configJson) ?? [])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                values[key[prefix.Length..]] = value;
            }
        }

        return values;
    }
}
