using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources;

/// <summary>
/// Reads one input property at a path and reports what is wrong with it in words that name the path and
/// what is accepted. Unknown values (preview) pass: they are checked again when known.
/// </summary>
internal sealed class InputRules(ObjectValue inputs)
{
    private readonly List<CheckFailure> _failures = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<CheckFailure> Failures => _failures;

    public IReadOnlyList<string> Warnings => _warnings;

    public void Fail(string path, string reason) => _failures.Add(new CheckFailure(path, reason));

    public void Warn(string message) => _warnings.Add(message);

    public PropertyValue? At(string path) => inputs.At(path);

    /// <summary>The object at a path, after reporting any property it has that is not accepted.</summary>
    public ObjectValue? Object(string path, IReadOnlyCollection<string> accepted, IReadOnlyDictionary<string, string>? outputsOnly = null)
    {
        var value = path.Length == 0 ? inputs : At(path);
        switch (value?.Plain)
        {
            case null or NullValue or UnknownValue:
                return null;
            case ObjectValue obj:
                foreach (var key in obj.Properties.Keys.Where(key => !accepted.Contains(key)))
                {
                    var full = path.Length == 0 ? key : $"{path}.{key}";
                    Fail(full, outputsOnly?.TryGetValue(key, out var why) == true
                        ? $"'{full}' is an output, not an input: {why}"
                        : $"'{full}' is not a property of this resource; accepted here: {string.Join(", ", accepted)}.");
                }

                return obj;
            default:
                Fail(path, $"'{path}' must be an object with any of: {string.Join(", ", accepted)}; got {value.KindName}.");
                return null;
        }
    }

    public bool? Bool(string path) => At(path)?.Plain switch
    {
        null or NullValue or UnknownValue => null,
        BoolValue b => b.Value,
        var other => FailWith<bool?>(path, $"'{path}' must be true or false; got {other.KindName}."),
    };

    public string? OneOf(string path, params string[] accepted) => At(path)?.Plain switch
    {
        null or NullValue or UnknownValue => null,
        StringValue s when accepted.Contains(s.Value) => s.Value,
        StringValue s => FailWith<string?>(path, $"'{path}' is {Shown(path, $"\"{s.Value}\"")}; accepted values: {Quoted(accepted)}."),
        var other => FailWith<string?>(path, $"'{path}' must be one of {Quoted(accepted)}; got {other.KindName}."),
    };

    /// <summary>A string, and what is wrong with it by <paramref name="problem"/> (null when nothing is).</summary>
    public string? Text(string path, Func<string, string?>? problem = null) => At(path)?.Plain switch
    {
        null or NullValue or UnknownValue => null,
        StringValue s when problem?.Invoke(s.Value) is { } reason => FailWith<string?>(path, reason),
        StringValue s => s.Value,
        var other => FailWith<string?>(path, $"'{path}' must be a string; got {other.KindName}."),
    };

    /// <summary>A whole number for which <paramref name="valid"/> holds.</summary>
    public int? Integer(string path, Func<double, bool> valid, string acceptedText) => At(path)?.Plain switch
    {
        null or NullValue or UnknownValue => null,
        NumberValue n when n.Value == Math.Floor(n.Value) && valid(n.Value) => (int)n.Value,
        NumberValue n => FailWith<int?>(path, $"'{path}' is {Shown(path, $"{n.Value}")}; accepted: {acceptedText}."),
        var other => FailWith<int?>(path, $"'{path}' must be a whole number ({acceptedText}); got {other.KindName}."),
    };

    /// <summary>An absolute https URL, as Graph's enrollment URLs must be.</summary>
    public string? HttpsUrl(string path) => At(path)?.Plain switch
    {
        null or NullValue or UnknownValue => null,
        StringValue s when Uri.TryCreate(s.Value, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && url.Host.Length > 0 => s.Value,
        StringValue s => FailWith<string?>(path, $"'{path}' is {Shown(path, $"\"{s.Value}\"")}; accepted: an absolute https URL, like https://portal.manage.microsoft.com/TermsofUse.aspx."),
        var other => FailWith<string?>(path, $"'{path}' must be an https URL; got {other.KindName}."),
    };

    /// <summary>A list of Intune scope tag ids (digits, like "0" for Default), each once.</summary>
    public void ScopeTagIds(string path)
    {
        if (At(path)?.Plain is not ArrayValue { ContainsUnknown: false } tags)
        {
            if (At(path)?.Plain is not (null or NullValue or UnknownValue or ArrayValue))
            {
                Fail(path, $"'{path}' must be a list of scope tag ids, like [\"0\"] (the Default tag).");
            }

            return;
        }

        var seen = new HashSet<string>();
        for (var i = 0; i < tags.Items.Count; i++)
        {
            if (tags.Items[i].Plain is not StringValue { Value: var tag } || tag.Length == 0 || !tag.All(char.IsAsciiDigit))
            {
                Fail($"{path}[{i}]", $"'{path}[{i}]' must be a scope tag id: digits, like \"0\" (the Default tag).");
            }
            else if (!seen.Add(tag))
            {
                Fail($"{path}[{i}]", $"'{path}[{i}]' repeats scope tag {tag}; each may appear once.");
            }
        }
    }

    /// <summary>A list of Entra object ids (GUIDs) without duplicates; null when absent or not yet known.</summary>
    public IReadOnlyList<string>? ObjectIds(string path, string what)
    {
        var value = At(path)?.Plain;
        if (value is null or NullValue || value.ContainsUnknown)
        {
            return null;
        }

        if (value is not ArrayValue array)
        {
            return FailWith<IReadOnlyList<string>?>(path, $"'{path}' must be a list of {what} object ids (GUIDs); got {value.KindName}.");
        }

        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i].Plain;
            // Guid parsing forgives surrounding whitespace; an object id in Graph never has any.
            if (item is not StringValue { Value: var id } || id.Trim().Length != id.Length || !Guid.TryParseExact(id, "D", out _))
            {
                Fail($"{path}[{i}]", $"'{path}[{i}]' must be a {what} object id, a GUID like 3c8ef067-8b96-44de-b2ae-557dfa0f97a0; got "
                    + (item is StringValue s ? $"{Shown(path, $"\"{s.Value}\"", array.Items[i])}." : $"{item.KindName}."));
                continue;
            }

            if (!seen.Add(id))
            {
                Fail($"{path}[{i}]", $"'{path}[{i}]' repeats {what} id {Shown(path, id, array.Items[i])}; each id may appear once.");
                continue;
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The value as an error may quote it: a secret input's value never appears, whatever is wrong with it.</summary>
    public string Shown(string path, string value, PropertyValue? item = null) =>
        inputs.IsSecretAt(path) || item is { IsSecret: true } ? "a secret value" : value;

    private T FailWith<T>(string path, string reason)
    {
        Fail(path, reason);
        return default!;
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
