using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// What state holds of a set of items from a file, small enough for thousands: per item key, one line the kind writes
/// (its Graph id and what the item was declared with, never a secret of the file), and per item that is not in the tenant
/// as declared, the reason.
/// </summary>
internal sealed record SetLedger(IReadOnlyDictionary<string, string> Items, IReadOnlyDictionary<string, string> Failed)
{
    public static readonly SetLedger Empty = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public static SetLedger FromOutputs(ObjectValue outputs, SetNames names) => new(Map(outputs, names.Items), Map(outputs, names.Failed));

    /// <summary>The outputs: the scalar inputs as given (defaults filled in), the items, the failures, the count.</summary>
    public ObjectValue Outputs(ObjectValue inputs, SetNames names)
    {
        var outputs = new Dictionary<string, PropertyValue>();
        foreach (var (name, fallback) in names.ScalarInputs)
        {
            if (inputs.At(name) is { Plain: not NullValue } value)
            {
                outputs[name] = value;
            }
            else if (fallback is not null)
            {
                outputs[name] = new StringValue(fallback);
            }
        }

        outputs[names.Items] = Ordered(Items);
        outputs[names.Failed] = Ordered(Failed);
        outputs[names.Count] = new NumberValue(Items.Count);
        return new ObjectValue(outputs);
    }

    private static ObjectValue Ordered(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(p => p.Key, p => (PropertyValue)new StringValue(p.Value)));

    private static Dictionary<string, string> Map(ObjectValue outputs, string name) => outputs.At(name)?.Plain is ObjectValue map
        ? map.Properties.ToDictionary(p => p.Key, p => (p.Value.Plain as StringValue)?.Value ?? "", StringComparer.OrdinalIgnoreCase)
        : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The output names of a set resource, and its scalar inputs with the value each takes when undeclared (null: none).</summary>
internal sealed record SetNames(string Items, string Failed, string Count, IReadOnlyList<(string Name, string? Default)> ScalarInputs)
{
    public string ItemPath(string key) => $"{Items}[\"{key}\"]";

    public string FailedPath(string key) => $"{Failed}[\"{key}\"]";
}
