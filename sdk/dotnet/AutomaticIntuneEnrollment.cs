using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// Automatic Intune enrollment: the MDM and MAM user scopes of Microsoft Intune (Graph beta
/// <c>policies/mobileDeviceManagementPolicies</c> and <c>mobileAppManagementPolicies</c>), managed by the
/// <c>entradevices</c> provider plugin. A singleton: its id is always the Intune application's id,
/// <c>0000000a-0000-0000-c000-000000000000</c>. Graph lets only a signed-in person read or change it.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class AutomaticIntuneEnrollment : CustomResource
{
    public const string TypeToken = "entradevices:index:AutomaticIntuneEnrollment";

    /// <summary>The effective MDM user scope and URLs.</summary>
    [Output("mdm")]
    public Output<Outputs.MobilityUserScopeSettings> Mdm { get; private set; } = null!;

    /// <summary>The effective MAM user scope and URLs.</summary>
    [Output("mam")]
    public Output<Outputs.MobilityUserScopeSettings> Mam { get; private set; } = null!;

    /// <summary>Both scopes as the tenant had them before this resource first managed them.</summary>
    [Output("originalSettings")]
    public Output<Outputs.AutomaticEnrollmentSettings> OriginalSettings { get; private set; } = null!;

    public AutomaticIntuneEnrollment(string name, AutomaticIntuneEnrollmentArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new AutomaticIntuneEnrollmentArgs(), options)
    {
    }
}
