using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>Both user scopes of the Microsoft Intune application.</summary>
[OutputType]
public sealed class AutomaticEnrollmentSettings
{
    public readonly MobilityUserScopeSettings Mdm;
    public readonly MobilityUserScopeSettings Mam;

    [OutputConstructor]
    private AutomaticEnrollmentSettings(MobilityUserScopeSettings mdm, MobilityUserScopeSettings mam)
    {
        Mdm = mdm;
        Mam = mam;
    }
}
