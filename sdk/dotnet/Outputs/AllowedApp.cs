using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>An app device preparation installs during setup.</summary>
[OutputType]
public sealed class AllowedApp
{
    public readonly string Id;
    public readonly string Type;

    [OutputConstructor]
    private AllowedApp(string id, string type)
    {
        Id = id;
        Type = type;
    }
}
