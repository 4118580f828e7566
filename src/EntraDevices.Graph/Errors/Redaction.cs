using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EntraDevices.Graph;

/// <summary>
/// Takes every secret this connection knows (configured secrets, tokens it was issued) and anything shaped like a
/// bearer token out of text that may reach a user, so a hostile or buggy endpoint that echoes one cannot leak it.
/// </summary>
public sealed partial class Redaction
{
    public const string Placeholder = "[redacted]";

    private readonly ConcurrentDictionary<string, byte> _secrets = new();

    public static Redaction None => new();

    public void Remember(string? secret)
    {
        // Very short values would redact ordinary words; no real secret or token is that short.
        if (secret?.Trim() is { Length: >= 8 } value)
        {
            _secrets.TryAdd(value, 0);
        }
    }

    public string Apply(string text)
    {
        foreach (var secret in _secrets.Keys.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        text = Jwt().Replace(text, Placeholder);
        return Bearer().Replace(text, $"$1{Placeholder}");
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)(bearer\s+)(?!\[redacted\])[A-Za-z0-9_\-\.~\+/=]{8,}")]
    private static partial Regex Bearer();
}
