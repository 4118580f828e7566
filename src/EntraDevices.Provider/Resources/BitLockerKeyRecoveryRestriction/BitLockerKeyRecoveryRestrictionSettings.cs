using System.Text.Json.Nodes;
using EntraDevices.Graph.BitLockerKeyRecoveryRestriction;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction.RestrictionProperties;

namespace EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;

/// <summary>
/// <c>entradevices:index:BitLockerKeyRecoveryRestriction</c>: one setting of the tenant's authorization policy,
/// written with a PATCH that carries nothing else. Entra documents no default for it, so it has no onDestroy.
/// </summary>
internal sealed class BitLockerKeyRecoveryRestrictionSettings : ISettings<Restriction>
{
    public string Token => "entradevices:index:BitLockerKeyRecoveryRestriction";

    public string FixedId => "authorizationPolicy";

    public string Noun => "the BitLocker key recovery setting";

    public string OriginalProperty => OriginalValue;

    public IReadOnlyList<string> Leaves => RestrictionProperties.Leaves;

    public IReadOnlySet<string> IdLists { get; } = new HashSet<string>();

    public IReadOnlyList<string> ReadOnlyOutputs { get; } = [];

    public Restriction? Defaults => null;

    public CheckResult Check(ObjectValue news) => RestrictionCheck.Check(news);

    public IDeclared<Restriction> Declared(ObjectValue inputs) => new DeclaredRestriction(RestrictionCheck.Declared(inputs));

    public ObjectValue Outputs(Restriction effective) => ObjectValue.Of((RestrictOwnersFromReadingKeys, new BoolValue(effective.RestrictOwnersFromReadingKeys)));

    public PropertyValue Record(Restriction original) => new BoolValue(original.RestrictOwnersFromReadingKeys);

    public Restriction? Recorded(PropertyValue? value) => value?.Plain is BoolValue recorded ? new Restriction(recorded.Value) : null;

    public ObjectValue ImportedInputs(Restriction live) => Outputs(live);

    public bool SameWritable(Restriction a, Restriction b) => a == b;

    public string? Refusal(Restriction live, Restriction desired) => null;

    public Restriction Restorable(Restriction live, Restriction desired) => desired;

    public SettingsEndpoint<Restriction> Endpoint(GraphConnection connection)
    {
        var client = new BitLockerKeyRecoveryClient(connection);
        return new(
            async token => new Restriction(await client.GetAsync(token)),
            async (_, desired, token) => new Restriction(await client.SetAsync(desired.RestrictOwnersFromReadingKeys, token)));
    }

    public JsonObject Schema() => RestrictionSchema.Resource();

    private sealed record DeclaredRestriction(bool? Restrict) : IDeclared<Restriction>
    {
        public bool IsEmpty => Restrict is null;

        public Restriction ApplyTo(Restriction live) => Restrict is { } restrict ? new Restriction(restrict) : live;

        public Restriction RestoreFrom(Restriction live, Restriction source) => Restrict is null ? live : source;
    }
}

/// <summary>The portal's "Restrict non-admin users from recovering the BitLocker key(s) for their owned devices".</summary>
internal sealed record Restriction(bool RestrictOwnersFromReadingKeys);
