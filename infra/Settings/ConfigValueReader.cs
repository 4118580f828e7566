using System.Globalization;
using System.Text.Json;

namespace Infra.Settings;

/// <summary>
/// Reads raw configuration strings (as Pulumi hands them to the program: scalars as their text, lists
/// as JSON arrays) into typed values. It never throws: every problem becomes an error message that names
/// the full configuration key and says what is accepted.
/// </summary>
internal sealed class ConfigValueReader(IReadOnlyDictionary<string, string?> values, string configNamespace)
{
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _failedKeys = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The key as written in a stack file, quoted, e.g. <c>'entra-device-settings:joinScope'</c>.</summary>
    public string Name(string key) => $"'{configNamespace}:{key}'";

    /// <summary>Whether the key has a value.</summary>
    public bool IsSet(string key) => Raw(key) is not null;

    /// <summary>Whether the key's value was rejected; cross-key checks skip such keys to avoid noise.</summary>
    public bool Failed(string key) => _failedKeys.Contains(key);

    /// <summary>Records a problem that involves several keys.</summary>
    public void Error(string message) => _errors.Add(message);

    public void RejectUnknownKeys(IReadOnlyList<string> knownKeys, IReadOnlyList<string>? sections = null)
    {
        var candidates = knownKeys.Concat(sections ?? []).ToList();
        var unknown = values
            .Where(pair => pair.Value is not null && !knownKeys.Contains(pair.Key, StringComparer.Ordinal))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal);
        foreach (var key in unknown)
        {
            var closest = candidates.MinBy(known => Distance(key.ToLowerInvariant(), known.ToLowerInvariant()))!;
            var hint = Distance(key.ToLowerInvariant(), closest.ToLowerInvariant()) <= Math.Max(2, closest.Length / 3) ? $" Did you mean {Name(closest)}?" : "";
            Fail(key, $"{Name(key)} is not a setting of this program.{hint} Accepted keys: {string.Join(", ", knownKeys)}.");
        }
    }

    // Levenshtein distance, for "did you mean" on a misspelled key.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    public bool? Boolean(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Fail(key, $"{Name(key)} is {Quote(raw)}; accepted values: true, false.");
        return null;
    }

    /// <summary>One of <paramref name="accepted"/> (compared ignoring case), returned as spelled there.</summary>
    public string? Choice(string key, IReadOnlyList<string> accepted)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        var match = accepted.FirstOrDefault(value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Fail(key, $"{Name(key)} is {Quote(raw)}; accepted values: {string.Join(", ", accepted.Select(Quote))}.");
        }

        return match;
    }

    public MembershipScope? Scope(string key)
        => Choice(key, MembershipScopeExtensions.AcceptedValues) is string value
            ? MembershipScopeExtensions.FromContractValue(value)
            : null;

    public int? DeviceQuota(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        if (string.Equals(text, "unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return StackSettings.UnlimitedDeviceQuota;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quota)
            && (quota <= StackSettings.MaxLimitedDeviceQuota || quota == StackSettings.UnlimitedDeviceQuota))
        {
            return quota;
        }

        Fail(key, $"{Name(key)} is {Quote(raw)}; accepted values: a whole number from 0 to {StackSettings.MaxLimitedDeviceQuota}, "
            + $"or \"unlimited\" (also written {StackSettings.UnlimitedDeviceQuota}) for no limit.");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? WholeNumber(string key, int min, int max, string unit)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return null;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(key, $"{Name(key)} is {Quote(raw)}; accepted values: a whole number of {unit} from {min} to {max}.");
        return null;
    }

    public string? GroupName(string key) => Text(key, StackSettings.MaxGroupNameLength, "a group display name");

    /// <summary>A trimmed string of 1 (0 with <paramref name="allowEmpty"/>) to <paramref name="max"/> characters; <paramref name="what"/> says what it is, for the error.</summary>
    public string? Text(string key, int max, string what, bool allowEmpty = false)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        if ((allowEmpty || text.Length >= 1) && text.Length <= max)
        {
            return text;
        }

        Fail(key, $"{Name(key)} is {Quote(raw)}; accepted values: {what} of {(allowEmpty ? 0 : 1)} to {max} characters.");
        return null;
    }

    /// <summary>
    /// A list of object ids: a JSON array (what Pulumi passes for a YAML list) or a comma-separated string.
    /// Returned lower-case, without duplicates; empty when unset or invalid.
    /// </summary>
    public IReadOnlyList<string> ObjectIds(string key)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return [];
        }

        var items = SplitList(raw);
        if (items is null)
        {
            Fail(key, $"{Name(key)} is {Quote(raw)}, which is not a list; accepted values: a list of object ids (GUIDs), "
                + "as a YAML list or a comma-separated string.");
            return [];
        }

        var ids = new List<string>();
        foreach (var item in items)
        {
            if (item is not null && Guid.TryParse(item.Trim(), out var id))
            {
                var text = id.ToString("D");
                if (!ids.Contains(text))
                {
                    ids.Add(text);
                }

                continue;
            }

            Fail(key, $"{Name(key)} contains {Quote(item ?? "null")}, which is not an object id; accepted values: "
                + "object ids (GUIDs) such as \"00000000-0000-0000-0000-000000000000\".");
        }

        return Failed(key) ? [] : ids;
    }

    /// <summary>
    /// A list of apps, each <c>{id, type}</c>: a GUID and one of <paramref name="types"/>. Null when unset; empty when invalid.
    /// </summary>
    public IReadOnlyList<(string Id, string Type)>? Apps(string key, IReadOnlyList<string> types)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return null;
        }

        var accepted = $"a list of apps, each {{ id: the app's id in Intune (a GUID), type: one of {string.Join(", ", types)} }}";
        JsonElement[]? items;
        try
        {
            items = JsonSerializer.Deserialize<JsonElement[]>(raw);
        }
        catch (JsonException)
        {
            items = null;
        }

        if (items is null)
        {
            Fail(key, $"{Name(key)} is {Quote(raw)}; accepted values: {accepted}.");
            return [];
        }

        var apps = new List<(string, string)>();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            var type = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
            var extra = item.ValueKind == JsonValueKind.Object ? item.EnumerateObject().Select(p => p.Name).Where(n => n is not ("id" or "type")).ToList() : [];
            if (!Guid.TryParse(id, out var guid) || type is null || !types.Contains(type) || extra.Count > 0)
            {
                Fail(key, $"{Name(key)}[{i}] is {item.GetRawText()}; accepted values: {accepted}.");
                continue;
            }

            apps.Add((guid.ToString("D"), type));
        }

        return Failed(key) ? [] : apps;
    }

    private string? Raw(string key) => values.TryGetValue(key, out var value) ? value : null;

    private void Fail(string key, string message)
    {
        _failedKeys.Add(key);
        _errors.Add(message);
    }

    private static string Quote(string value) => $"\"{value}\"";

    private static IReadOnlyList<string?>? SplitList(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        if (!text.StartsWith('['))
        {
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        try
        {
            return JsonSerializer.Deserialize<string?[]>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
