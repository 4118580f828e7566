using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

[OutputType]
public sealed class AzureADJoin
{
    public readonly Membership AllowedToJoin;
    public readonly LocalAdmins LocalAdmins;

    /// <summary>Whether administrators can change the join settings (read-only).</summary>
    public readonly bool IsAdminConfigurable;

    [OutputConstructor]
    private AzureADJoin(Membership allowedToJoin, LocalAdmins localAdmins, bool isAdminConfigurable)
    {
        AllowedToJoin = allowedToJoin;
        LocalAdmins = localAdmins;
        IsAdminConfigurable = isAdminConfigurable;
    }
}
