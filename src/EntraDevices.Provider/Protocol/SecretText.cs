using System.Globalization;
using System.Text.RegularExpressions;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Protocol;

/// <summary>
/// What the program marks secret stays secret everywhere the provider writes text or values, whatever the resource
/// does: every string or number the engine sent wrapped as a secret (at any depth of the inputs, the old inputs or the
/// state) is cut out of every failure, warning, note and status line, and an output that holds one is wrapped again.
/// Written once, at the protocol's edge, as pulumi-go-provider carries secrets generically.
/// </summary>
internal sealed class SecretText
{
    public const string Mark = "[secret]";

    private readonly string[] _values;

    private SecretText(IEnumerable<string> values) =>
        _values = [.. values.Where(v => v.Trim().Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];

    public static SecretText None { get; } = new([]);

    public bool IsEmpty => _values.Length == 0;

    /// <summary>The secret scalars of the request's values.</summary>
    public static SecretText Of(params ObjectValue?[] values) => new(values.OfType<ObjectValue>().SelectMany(v => Secrets(v, secret: false)));

    /// <summary>The text with every secret value cut out: a long one wherever it stands, a short one where it is a word of its own.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _values)
        {
            text = secret.Length >= 6
                ? text.Replace(secret, Mark, StringComparison.Ordinal)
                : Regex.Replace(text, $@"(?<![\w@.-]){Regex.Escape(secret)}(?![\w@.-])", Mark);
        }

        return text;
    }

    /// <summary>The outputs with every string or number that equals a secret input wrapped as a secret, at any depth.</summary>
    public ObjectValue Wrap(ObjectValue outputs) => IsEmpty ? outputs : (ObjectValue)Wrapped(outputs);

    private PropertyValue Wrapped(PropertyValue value) => value switch
    {
        SecretValue => value,
        StringValue s when _values.Contains(s.Value, StringComparer.Ordinal) => new SecretValue(s),
        NumberValue n when _values.Contains(Text(n), StringComparer.Ordinal) => new SecretValue(n),
        ObjectValue o => new ObjectValue(o.Properties.ToDictionary(p => p.Key, p => Wrapped(p.Value))),
        ArrayValue a => new ArrayValue([.. a.Items.Select(Wrapped)]),
        _ => value,
    };

    private static IEnumerable<string> Secrets(PropertyValue value, bool secret) => value switch
    {
        SecretValue s => Secrets(s.Inner, secret: true),
        StringValue s when secret => [s.Value],
        NumberValue n when secret => [Text(n)],
        ObjectValue o => o.Properties.Values.SelectMany(v => Secrets(v, secret)),
        ArrayValue a => a.Items.SelectMany(v => Secrets(v, secret)),
        _ => [],
    };

    private static string Text(NumberValue number) => number.Value.ToString(CultureInfo.InvariantCulture);
}
