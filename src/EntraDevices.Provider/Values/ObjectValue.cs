namespace EntraDevices.Provider.Values;

/// <summary>An object of named properties, with path look-ups like <c>azureADJoin.allowedToJoin.scope</c>.</summary>
public sealed record ObjectValue(IReadOnlyDictionary<string, PropertyValue> Properties) : PropertyValue
{
    public static readonly ObjectValue Empty = new(new Dictionary<string, PropertyValue>());

    /// <summary>Value equality: the same keys holding equal values (a record would compare the dictionaries by reference).</summary>
    public bool Equals(ObjectValue? other) =>
        other is not null && Properties.Count == other.Properties.Count
        && Properties.All(p => other.Properties.TryGetValue(p.Key, out var value) && Equals(p.Value, value));

    public override int GetHashCode() =>
        Properties.Aggregate(Properties.Count, (hash, p) => hash ^ HashCode.Combine(p.Key, p.Value));

    public static ObjectValue Of(params (string Key, PropertyValue? Value)[] properties) =>
        new(properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!));

    /// <summary>The value at a dotted path, looking through secrets; null when any step is absent.</summary>
    public PropertyValue? At(string path)
    {
        PropertyValue? current = this;
        foreach (var step in path.Split('.'))
        {
            if (current?.Plain is not ObjectValue obj || !obj.Properties.TryGetValue(step, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// The shortest prefix of the path whose value is unknown (a preview placeholder standing for a whole
    /// object), or null when every step is known or absent.
    /// </summary>
    public string? UnknownPrefix(string path)
    {
        PropertyValue? current = this;
        var steps = path.Split('.');
        for (var i = 0; i < steps.Length; i++)
        {
            if (current?.Plain is not ObjectValue obj || !obj.Properties.TryGetValue(steps[i], out current))
            {
                return null;
            }

            if (current.Plain is UnknownValue)
            {
                return string.Join('.', steps[..(i + 1)]);
            }
        }

        return null;
    }

    /// <summary>True when some step of the path, or the value at it, is a secret.</summary>
    public bool IsSecretAt(string path)
    {
        PropertyValue? current = this;
        foreach (var step in path.Split('.'))
        {
            if (current is SecretValue)
            {
                return true;
            }

            if (current is not ObjectValue obj || !obj.Properties.TryGetValue(step, out current))
            {
                return false;
            }
        }

        return current is SecretValue;
    }

    /// <summary>A copy with the value at a dotted path replaced (parents created as needed).</summary>
    public ObjectValue With(string path, PropertyValue value)
    {
        var dot = path.IndexOf('.');
        var properties = new Dictionary<string, PropertyValue>(Properties);
        if (dot < 0)
        {
            properties[path] = value;
            return new ObjectValue(properties);
        }

        var head = path[..dot];
        var existing = Properties.GetValueOrDefault(head);
        var child = existing switch
        {
            SecretValue { Plain: ObjectValue inner } => new SecretValue(inner.With(path[(dot + 1)..], value)),
            ObjectValue obj => obj.With(path[(dot + 1)..], value),
            _ => (PropertyValue)Empty.With(path[(dot + 1)..], value),
        };
        properties[head] = child;
        return new ObjectValue(properties);
    }
}
