using Pulumi;

namespace Infra.Settings;

/// <summary>The thin adapter from Pulumi's stack configuration to <see cref="StackSettings.Parse"/>.</summary>
internal static class PulumiStackSettings
{
    /// <summary>
    /// Reads this program's keys (in the project's namespace) and validates them. Call it before declaring
    /// any resource: an invalid configuration then fails the update with nothing changed.
    /// </summary>
    /// <exception cref="RunException">The configuration is invalid; the message lists every problem, without a stack trace.</exception>
    public static StackSettings Load()
    {
        var config = new Config();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in ConfigKeys.All)
        {
            if (config.Get(key) is string value)
            {
                values[key] = value;
            }
        }

        try
        {
            return StackSettings.Parse(values, Deployment.Instance.ProjectName);
        }
        catch (StackSettingsException e)
        {
            // Pulumi reports a RunException by its message alone.
            throw new RunException(e.Message, e);
        }
    }
}
