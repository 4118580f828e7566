using EntraDevices.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using BoolValue = EntraDevices.Provider.Values.BoolValue;
using StringValue = EntraDevices.Provider.Values.StringValue;

namespace EntraDevices.Provider.Protocol;

/// <summary>Translates protobuf Struct/Value to <see cref="PropertyValue"/> and back, at the adapter's edge.</summary>
internal static class StructConversion
{
    public static ObjectValue ToObject(Struct? value) =>
        value is null ? ObjectValue.Empty : new ObjectValue(value.Fields.ToDictionary(f => f.Key, f => ToProperty(f.Value)));

    public static PropertyValue ToProperty(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.BoolValue => new BoolValue(value.BoolValue),
        Value.KindOneofCase.NumberValue => new NumberValue(value.NumberValue),
        Value.KindOneofCase.StringValue => Sentinels.Unknowns.Contains(value.StringValue)
            ? PropertyValue.Unknown
            : new StringValue(value.StringValue),
        Value.KindOneofCase.ListValue => new ArrayValue([.. value.ListValue.Values.Select(ToProperty)]),
        Value.KindOneofCase.StructValue => FromStruct(value.StructValue),
        _ => PropertyValue.Null,
    };

    public static Struct ToStruct(ObjectValue value)
    {
        var result = new Struct();
        foreach (var (key, property) in value.Properties)
        {
            result.Fields[key] = ToValue(property);
        }

        return result;
    }

    public static Value ToValue(PropertyValue value) => value switch
    {
        BoolValue b => Value.ForBool(b.Value),
        NumberValue n => Value.ForNumber(n.Value),
        StringValue s => Value.ForString(s.Value),
        ArrayValue a => Value.ForList([.. a.Items.Select(ToValue)]),
        ObjectValue o => Value.ForStruct(ToStruct(o)),
        UnknownValue => Value.ForString(Sentinels.UnknownString),
        AssetValue asset => Value.ForStruct(Special(Sentinels.Asset, asset.Hash, ("path", asset.Path), ("text", asset.Text), ("uri", asset.Uri))),
        ArchiveValue archive => Value.ForStruct(Special(Sentinels.Archive, archive.Hash, ("path", archive.Path), ("uri", archive.Uri))),
        SecretValue s => Value.ForStruct(new Struct
        {
            Fields =
            {
                [Sentinels.SignatureKey] = Value.ForString(Sentinels.Secret),
                ["value"] = ToValue(s.Inner),
            },
        }),
        _ => Value.ForNull(),
    };

    private static string? Text(Value? value) => value?.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    /// <summary>An asset or archive as the engine encodes it: its signature, hash, and whichever of its sources it has.</summary>
    private static Struct Special(string signature, string hash, params (string Name, string? Value)[] sources)
    {
        var result = new Struct { Fields = { [Sentinels.SignatureKey] = Value.ForString(signature), ["hash"] = Value.ForString(hash) } };
        foreach (var (name, value) in sources)
        {
            if (value is not null)
            {
                result.Fields[name] = Value.ForString(value);
            }
        }

        return result;
    }

    // A secret of a secret is one secret: the value keeps its secrecy and its content, whatever the nesting.
    private static SecretValue Secret(PropertyValue inner) => inner as SecretValue ?? new SecretValue(inner);

    private static PropertyValue FromStruct(Struct value)
    {
        if (!value.Fields.TryGetValue(Sentinels.SignatureKey, out var signature))
        {
            return ToObject(value);
        }

        var field = (string name) => value.Fields.TryGetValue(name, out var v) ? v : null;
        switch (signature.StringValue)
        {
            case Sentinels.Secret:
                return Secret(field("value") is { } secret ? ToProperty(secret) : PropertyValue.Null);
            case Sentinels.OutputValue:
                var inner = field("value") is { } known ? ToProperty(known) : PropertyValue.Unknown;
                return field("secret")?.BoolValue == true ? Secret(inner) : inner;
            case Sentinels.ResourceReference:
                // A reference stands for its id (or, before the id is known, for nothing known yet).
                return field("id") is { } id
                    ? (id.StringValue is { Length: > 0 } s && !Sentinels.Unknowns.Contains(s) ? new StringValue(s) : PropertyValue.Unknown)
                    : new StringValue(field("urn")?.StringValue ?? "");
            case Sentinels.Asset:
                return new AssetValue(field("hash")?.StringValue ?? "", Text(field("path")), Text(field("text")), Text(field("uri")));
            case Sentinels.Archive:
                // An AssetArchive's assets are not kept: only that it has them (nothing here reads one).
                return new ArchiveValue(field("hash")?.StringValue ?? "", Text(field("path")), Text(field("uri")), field("assets") is not null);
            default:
                // Other special values have no meaning here; validation rejects them by kind.
                return ToObject(value);
        }
    }
}
