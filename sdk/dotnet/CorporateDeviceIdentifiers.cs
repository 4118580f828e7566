using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// Windows corporate device identifiers from a CSV, managed by the <c>entradevices</c> provider plugin (Graph beta
/// <c>importedDeviceIdentities</c>). State keeps each identifier with its Graph id. The tenant's first Windows identifier
/// makes every other Windows device that enrolls through Entra join count as personal unless it matches one.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class CorporateDeviceIdentifiers : CustomResource
{
    public const string TypeToken = "entradevices:index:CorporateDeviceIdentifiers";

    [Output("whenRemoved")]
    public Output<string> WhenRemoved { get; private set; } = null!;

    /// <summary>Per identifier (<c>manufacturer,model,serial</c>), its Graph id.</summary>
    [Output("identifiers")]
    public Output<ImmutableDictionary<string, string>> Identifiers { get; private set; } = null!;

    /// <summary>Per identifier, why an up could not add it; the next <c>pulumi up</c> retries these.</summary>
    [Output("failed")]
    public Output<ImmutableDictionary<string, string>> Failed { get; private set; } = null!;

    [Output("identifierCount")]
    public Output<int> IdentifierCount { get; private set; } = null!;

    public CorporateDeviceIdentifiers(string name, CorporateDeviceIdentifiersArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }
}
