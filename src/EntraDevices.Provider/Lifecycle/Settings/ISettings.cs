using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Settings;

/// <summary>
/// A tenant-wide object that exists already (a policy, a setting): what such a resource supplies. Everything here
/// is pure except <see cref="Endpoint"/>; <see cref="SettingsResource{TLive}"/> runs the lifecycle over it: adopt on
/// create, write only what is declared, restore on destroy, import by the fixed id.
/// </summary>
/// <typeparam name="TLive">The settings as Graph holds them (the Graph layer's typed model).</typeparam>
internal interface ISettings<TLive>
    where TLive : class
{
    string Token { get; }

    /// <summary>The only id the object has, e.g. <c>deviceRegistrationPolicy</c>.</summary>
    string FixedId { get; }

    /// <summary>The object in the user's words, for messages: "the device registration policy".</summary>
    string Noun { get; }

    /// <summary>The output that records the settings found at adoption, e.g. <c>originalSettings</c>.</summary>
    string OriginalProperty { get; }

    /// <summary>Every input leaf that can be declared, as Diff reports it (<c>onDestroy</c> is the lifecycle's).</summary>
    IReadOnlyList<string> Leaves { get; }

    /// <summary>Leaves holding lists of ids, compared as sets.</summary>
    IReadOnlySet<string> IdLists { get; }

    /// <summary>Id lists whose preview shows each id added or removed, one line each (a subset of <see cref="IdLists"/>).</summary>
    IReadOnlySet<string> ElementLists => new HashSet<string>();

    /// <summary>Outputs that only Graph can tell, besides the undeclared leaves: unknown in a preview of a create.</summary>
    IReadOnlyList<string> ReadOnlyOutputs { get; }

    /// <summary>
    /// Entra's documented defaults, which <c>onDestroy: restoreDefaults</c> puts back; null where none are documented,
    /// and then the resource has no <c>onDestroy</c> input (destroy restores the original).
    /// </summary>
    TLive? Defaults { get; }

    /// <summary>Plan-time validation of the resource's own inputs; never calls Graph.</summary>
    CheckResult Check(ObjectValue news);

    /// <summary>What checked, known inputs declare.</summary>
    IDeclared<TLive> Declared(ObjectValue inputs);

    /// <summary>The outputs that show the effective settings.</summary>
    ObjectValue Outputs(TLive effective);

    /// <summary>How the original settings are kept in state under <see cref="OriginalProperty"/>.</summary>
    PropertyValue Record(TLive original);

    /// <summary>The settings back from state; null when absent or incomplete.</summary>
    TLive? Recorded(PropertyValue? value);

    /// <summary>Inputs that declare every writable field as found: what <c>pulumi import</c> records.</summary>
    ObjectValue ImportedInputs(TLive live);

    /// <summary>True when every writable field is equal: no write is needed.</summary>
    bool SameWritable(TLive a, TLive b);

    /// <summary>Why the tenant cannot take <paramref name="desired"/> (said before any write), or null.</summary>
    string? Refusal(TLive live, TLive desired);

    /// <summary>On destroy: what of <paramref name="desired"/> can be put back, given what the tenant locks now.</summary>
    TLive Restorable(TLive live, TLive desired);

    SettingsEndpoint<TLive> Endpoint(GraphConnection connection);

    JsonObject Schema();

    /// <summary>The object types <see cref="Schema"/> refers to.</summary>
    JsonObject SchemaTypes() => [];
}

/// <summary>What the program declares: a null field is undeclared, and the tenant keeps what it has there.</summary>
internal interface IDeclared<TLive>
{
    bool IsEmpty { get; }

    /// <summary>The live settings with every declared field replaced by its declared value.</summary>
    TLive ApplyTo(TLive live);

    /// <summary>The live settings with every declared field put back to its value in <paramref name="source"/>.</summary>
    TLive RestoreFrom(TLive live, TLive source);
}

/// <summary>How a settings object is read and written in Graph: a write is given what was read and what is wanted.</summary>
internal sealed record SettingsEndpoint<TLive>(
    Func<CancellationToken, Task<TLive>> Get,
    Func<TLive, TLive, CancellationToken, Task<TLive>> Write);
