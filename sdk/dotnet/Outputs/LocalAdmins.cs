using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

[OutputType]
public sealed class LocalAdmins
{
    public readonly bool? EnableGlobalAdmins;
    public readonly Membership? RegisteringUsers;

    [OutputConstructor]
    private LocalAdmins(bool? enableGlobalAdmins, Membership? registeringUsers)
    {
        EnableGlobalAdmins = enableGlobalAdmins;
        RegisteringUsers = registeringUsers;
    }
}
