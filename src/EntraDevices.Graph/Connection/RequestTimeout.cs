using System.Globalization;

namespace EntraDevices.Graph.Connection;

/// <summary>How long one Graph call (its retries and sign-in included) may take before it counts as unanswered.</summary>
public static class RequestTimeout
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(120);

    public const string Accepted = "a whole number of seconds from 1 to 3600 (default 120)";

    public static TimeSpan Parse(string? value, string settingName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new ConnectionSettingsException($"{settingName} is '{value}'; accepted: {Accepted}.");
    }
}
