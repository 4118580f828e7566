namespace EntraDevices.Provider.Values;

/// <summary>
/// A Pulumi property value as resource code sees it: known or unknown (a preview placeholder), and possibly
/// secret. Protobuf's <c>Value</c> stops at the protocol adapter; nothing past it sees one.
/// </summary>
public abstract record PropertyValue
{
    public static readonly PropertyValue Null = new NullValue();
    public static readonly PropertyValue Unknown = new UnknownValue();

    /// <summary>The value without its secret wrapper.</summary>
    public PropertyValue Plain => this is SecretValue secret ? secret.Inner.Plain : this;

    public bool IsSecret => this is SecretValue;

    /// <summary>True when this value or anything inside it is unknown.</summary>
    public bool ContainsUnknown => Plain switch
    {
        UnknownValue => true,
        ArrayValue array => array.Items.Any(item => item.ContainsUnknown),
        ObjectValue obj => obj.Properties.Values.Any(value => value.ContainsUnknown),
        _ => false,
    };

    /// <summary>A short description of the value's kind for error messages; never the value itself.</summary>
    public string KindName => Plain switch
    {
        NullValue => "null",
        BoolValue => "a boolean",
        NumberValue => "a number",
        StringValue => "a string",
        ArrayValue => "a list",
        ObjectValue => "an object",
        UnknownValue => "an unknown value",
        AssetValue => "an asset",
        ArchiveValue => "an archive",
        _ => "a value of another kind",
    };
}

public sealed record NullValue : PropertyValue;

public sealed record UnknownValue : PropertyValue;

public sealed record BoolValue(bool Value) : PropertyValue;

public sealed record NumberValue(double Value) : PropertyValue;

public sealed record StringValue(string Value) : PropertyValue;

public sealed record SecretValue(PropertyValue Inner) : PropertyValue;

/// <summary>
/// A Pulumi asset (a <c>FileAsset</c>, <c>StringAsset</c> or <c>RemoteAsset</c>): the engine's hash of its content and
/// one of its path, text or URI. The engine keeps only this in state, never a file's content.
/// </summary>
public sealed record AssetValue(string Hash, string? Path = null, string? Text = null, string? Uri = null) : PropertyValue
{
    // The text of a StringAsset may be a whole CSV of hardware hashes: never in a string meant for people.
    public override string ToString() => Path is not null ? $"file asset {Path}" : Uri is not null ? $"remote asset {Uri}" : "string asset";
}

/// <summary>
/// A Pulumi archive (a <c>FileArchive</c> of a folder or an archive file, an <c>AssetArchive</c>, a
/// <c>RemoteArchive</c>): the engine's hash of its content and one of its path, URI or assets (told only as present).
/// </summary>
public sealed record ArchiveValue(string Hash, string? Path = null, string? Uri = null, bool HasAssets = false) : PropertyValue
{
    public override string ToString() => Path is not null ? $"file archive {Path}" : Uri is not null ? $"remote archive {Uri}" : "asset archive";
}

public sealed record ArrayValue(IReadOnlyList<PropertyValue> Items) : PropertyValue
{
    /// <summary>Value equality, item by item in order.</summary>
    public bool Equals(ArrayValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(Items.Count, HashCode.Combine);

    public static ArrayValue Of(IEnumerable<string> items) => new([.. items.Select(item => (PropertyValue)new StringValue(item))]);
}
