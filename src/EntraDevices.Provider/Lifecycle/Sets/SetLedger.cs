using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// What state holds of a set of items from a file, small enough for thousands: per item key, one line the kind writes
/// (its Graph id and what the item was declared with, never a secret of the file), per item that is not in the tenant as
/// declared, the reason, and per key of work left for later runs, how much (the tallies, e.g. import records to delete).
/// </summary>
internal sealed record SetLedger<TItem>(IReadOnlyDictionary<string, TItem> Items, IReadOnlyDictionary<string, string> Failed)
{
    public static readonly SetLedger<TItem> Empty = new(new Dictionary<string, TItem>(), new Dictionary<string, string>());

    /// <summary>Work left for later runs, by key: how much (e.g. finished import records still to delete, by import id).</summary>
    public IReadOnlyDictionary<string, int> Tallies { get; init; } = new Dictionary<string, int>();

    public static SetLedger<TItem> FromOutputs(ObjectValue outputs, SetNames names, ISetCodec<TItem> codec)
    {
        var items = new Dictionary<string, TItem>(StringComparer.OrdinalIgnoreCase);
        if (outputs.At(names.Items)?.Plain is ObjectValue map)
        {
            foreach (var (key, value) in map.Properties)
            {
                if (codec.Parse(key, (value.Plain as StringValue)?.Value ?? "") is { } item)
                {
                    items[key] = item;
                }
            }
        }

        var failed = outputs.At(names.Failed)?.Plain is ObjectValue reasons
            ? reasons.Properties.ToDictionary(p => p.Key, p => (p.Value.Plain as StringValue)?.Value ?? "", StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tallies = names.Tallies is { } talliesName && outputs.At(talliesName)?.Plain is ObjectValue counts
            ? counts.Properties.Where(p => p.Value.Plain is NumberValue { Value: > 0 }).ToDictionary(p => p.Key, p => (int)((NumberValue)p.Value.Plain).Value, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return new SetLedger<TItem>(items, failed) { Tallies = tallies };
    }

    /// <summary>The outputs: the scalar inputs as given (defaults filled in), the items, the failures, the count, the tallies.</summary>
    public ObjectValue Outputs(ObjectValue inputs, SetNames names, ISetCodec<TItem> codec)
    {
        var outputs = new Dictionary<string, PropertyValue>();
        foreach (var (name, fallback) in names.ScalarInputs)
        {
            if (inputs.Properties.TryGetValue(name, out var value) && value.Plain is not NullValue)
            {
                outputs[name] = value;
            }
            else if (fallback is not null)
            {
                outputs[name] = new StringValue(fallback);
            }
        }

        outputs[names.Items] = new ObjectValue(Items.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.Key, p => (PropertyValue)new StringValue(codec.Line(p.Value))));
        outputs[names.Failed] = new ObjectValue(Failed.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(p => p.Key, p => (PropertyValue)new StringValue(p.Value)));
        outputs[names.Count] = new NumberValue(Items.Values.Count(codec.Counts));
        if (names.Tallies is { } talliesName)
        {
            outputs[talliesName] = new ObjectValue(Tallies.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => (PropertyValue)new NumberValue(p.Value)));
        }

        return new ObjectValue(outputs);
    }
}

/// <summary>How a kind writes one item into state and reads it back.</summary>
internal interface ISetCodec<TItem>
{
    string Line(TItem item);

    /// <summary>The item of a state line; null when the line is not one (it is dropped).</summary>
    TItem? Parse(string key, string line);

    /// <summary>Whether the item counts as in the tenant (an import still pending does not).</summary>
    bool Counts(TItem item) => true;
}

/// <summary>The output names of a set resource, its scalar inputs with the value each takes when undeclared (null: none), and its tallies' output, if any.</summary>
internal sealed record SetNames(string Items, string Failed, string Count, IReadOnlyList<(string Name, string? Default)> ScalarInputs, string? Tallies = null)
{
    public string ItemPath(string key) => $"{Items}[\"{key}\"]";

    public string FailedPath(string key) => $"{Failed}[\"{key}\"]";
}
