using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

[OutputType]
public sealed class LocalAdminPassword
{
    public readonly bool? IsEnabled;

    [OutputConstructor]
    private LocalAdminPassword(bool? isEnabled)
    {
        IsEnabled = isEnabled;
    }
}
