using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

[OutputType]
public sealed class AzureADRegistration
{
    public readonly Membership AllowedToRegister;

    /// <summary>Whether administrators can change who may register devices (read-only).</summary>
    public readonly bool IsAdminConfigurable;

    [OutputConstructor]
    private AzureADRegistration(Membership allowedToRegister, bool isAdminConfigurable)
    {
        AllowedToRegister = allowedToRegister;
        IsAdminConfigurable = isAdminConfigurable;
    }
}
