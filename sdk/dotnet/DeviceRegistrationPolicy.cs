using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// The tenant's device registration policy (Graph <c>policies/deviceRegistrationPolicy</c>), managed by the
/// <c>entradevices</c> provider plugin. A singleton: its id is always <c>deviceRegistrationPolicy</c>.
/// Inputs left unset are left as the tenant has them; outputs are the effective (live) settings.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class DeviceRegistrationPolicy : CustomResource
{
    public const string TypeToken = "entradevices:index:DeviceRegistrationPolicy";

    /// <summary>Maximum number of devices per user: 0 to 100, or 2147483647 for unlimited.</summary>
    [Output("userDeviceQuota")]
    public Output<int> UserDeviceQuota { get; private set; } = null!;

    /// <summary>"notRequired" or "required".</summary>
    [Output("multiFactorAuthConfiguration")]
    public Output<string> MultiFactorAuthConfiguration { get; private set; } = null!;

    [Output("azureADJoin")]
    public Output<Outputs.AzureADJoin> AzureADJoin { get; private set; } = null!;

    [Output("azureADRegistration")]
    public Output<Outputs.AzureADRegistration> AzureADRegistration { get; private set; } = null!;

    [Output("localAdminPassword")]
    public Output<Outputs.LocalAdminPassword> LocalAdminPassword { get; private set; } = null!;

    /// <summary>"restoreOriginal" or "restoreDefaults".</summary>
    [Output("onDestroy")]
    public Output<string> OnDestroy { get; private set; } = null!;

    /// <summary>The settings the tenant had before this resource first managed them.</summary>
    [Output("originalSettings")]
    public Output<Outputs.DeviceRegistrationSettings> OriginalSettings { get; private set; } = null!;

    public DeviceRegistrationPolicy(string name, DeviceRegistrationPolicyArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new DeviceRegistrationPolicyArgs(), options)
    {
    }
}
