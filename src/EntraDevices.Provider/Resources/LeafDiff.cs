using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources;

/// <summary>
/// Compares declared inputs with the last known outputs leaf by leaf. Undeclared leaves are never a change:
/// the tenant keeps what it has there.
/// </summary>
internal static class LeafDiff
{
    /// <param name="elementLists">Id lists whose changes are shown one element at a time (<c>mdm.groups[2]</c> added,
    /// <c>mdm.groups[0]</c> removed) instead of as one changed list; the index is the element's place in the list
    /// it belongs to (the new inputs for an add, the old outputs for a delete).</param>
    public static DiffResult Compare(
        ObjectValue olds, ObjectValue news, IEnumerable<string> leaves, IReadOnlySet<string> idLists, IReadOnlySet<string>? elementLists = null)
    {
        var changes = new Dictionary<string, PropertyChange>();
        foreach (var leaf in leaves)
        {
            // An unknown object (e.g. a whole membership computed from other resources) changes all it holds.
            if (news.UnknownPrefix(leaf) is { } unknown)
            {
                changes[unknown] = PropertyChange.Update;
                continue;
            }

            var declared = news.At(leaf);
            if (declared is null || declared.Plain is NullValue)
            {
                continue;
            }

            var known = olds.At(leaf);
            if (known is null || known.Plain is NullValue)
            {
                changes[leaf] = PropertyChange.Add;
            }
            else if (elementLists?.Contains(leaf) == true && !declared.ContainsUnknown
                && known.Plain is ArrayValue before && declared.Plain is ArrayValue after)
            {
                foreach (var (path, change) in Elements(leaf, before, after))
                {
                    // An element added where another was removed is that element replaced.
                    changes[path] = changes.TryGetValue(path, out var earlier) && earlier != change ? PropertyChange.Update : change;
                }
            }
            else if (declared.ContainsUnknown || !Same(known.Plain, declared.Plain, idLists.Contains(leaf)))
            {
                changes[leaf] = PropertyChange.Update;
            }
        }

        return new DiffResult(changes);
    }

    /// <summary>Overlays every declared leaf of <paramref name="inputs"/> onto <paramref name="outputs"/>.</summary>
    public static ObjectValue Overlay(ObjectValue outputs, ObjectValue inputs, IEnumerable<string> leaves) =>
        leaves.Aggregate(outputs, (result, leaf) =>
            inputs.UnknownPrefix(leaf) is { } unknown ? result.With(unknown, PropertyValue.Unknown)
            : inputs.At(leaf) is { Plain: not NullValue } declared ? result.With(leaf, declared)
            : result);

    /// <summary>What preview can promise: the known outputs with every declared input laid over them, secrets kept.</summary>
    public static ObjectValue Promise(ObjectValue outputs, ObjectValue inputs, IEnumerable<string> leaves) =>
        CarrySecrets(Overlay(outputs, inputs, leaves), inputs, leaves);

    /// <summary>Marks an output leaf secret wherever the program passed its input as a secret.</summary>
    public static ObjectValue CarrySecrets(ObjectValue outputs, ObjectValue inputs, IEnumerable<string> leaves) =>
        leaves.Aggregate(outputs, (result, leaf) =>
            inputs.IsSecretAt(leaf) && result.At(leaf) is { IsSecret: false } value
                ? result.With(leaf, new SecretValue(value))
                : result);

    private static IEnumerable<(string Path, PropertyChange Change)> Elements(string leaf, ArrayValue before, ArrayValue after)
    {
        static List<string> Ids(ArrayValue list) => [.. list.Items.Select(i => i.Plain is StringValue s ? s.Value : "")];
        var (had, has) = (Ids(before), Ids(after));
        for (var i = 0; i < has.Count; i++)
        {
            if (!had.Contains(has[i], StringComparer.OrdinalIgnoreCase))
            {
                yield return ($"{leaf}[{i}]", PropertyChange.Add);
            }
        }

        for (var i = 0; i < had.Count; i++)
        {
            if (!has.Contains(had[i], StringComparer.OrdinalIgnoreCase))
            {
                yield return ($"{leaf}[{i}]", PropertyChange.Delete);
            }
        }
    }

    private static bool Same(PropertyValue known, PropertyValue declared, bool asIdSet) => (known, declared) switch
    {
        (NumberValue a, NumberValue b) => a.Value.Equals(b.Value),
        (StringValue a, StringValue b) => a.Value == b.Value,
        (BoolValue a, BoolValue b) => a.Value == b.Value,
        (ArrayValue a, ArrayValue b) when asIdSet => SameIds(a, b),
        (ArrayValue a, ArrayValue b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => Same(p.First.Plain, p.Second.Plain, false)),
        // An object in a list (an allowed app): the same keys, each the same.
        (ObjectValue a, ObjectValue b) => a.Properties.Count == b.Properties.Count
            && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var other) && Same(p.Value.Plain, other.Plain, false)),
        _ => false,
    };

    private static bool SameIds(ArrayValue a, ArrayValue b)
    {
        static HashSet<string> Ids(ArrayValue list) =>
            new(list.Items.Select(i => i.Plain).OfType<StringValue>().Select(s => s.Value), StringComparer.OrdinalIgnoreCase);

        return a.Items.Count == b.Items.Count && Ids(a).SetEquals(Ids(b));
    }
}
