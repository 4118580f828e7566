using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>Inputs of <see cref="DeviceRegistrationPolicy"/>. Every input is optional.</summary>
public sealed class DeviceRegistrationPolicyArgs : ResourceArgs
{
    /// <summary>0 to 100, or 2147483647 for unlimited.</summary>
    [Input("userDeviceQuota")]
    public Input<int>? UserDeviceQuota { get; set; }

    /// <summary>"notRequired" or "required".</summary>
    [Input("multiFactorAuthConfiguration")]
    public Input<string>? MultiFactorAuthConfiguration { get; set; }

    [Input("azureADJoin")]
    public Input<Inputs.AzureADJoinArgs>? AzureADJoin { get; set; }

    [Input("azureADRegistration")]
    public Input<Inputs.AzureADRegistrationArgs>? AzureADRegistration { get; set; }

    [Input("localAdminPassword")]
    public Input<Inputs.LocalAdminPasswordArgs>? LocalAdminPassword { get; set; }

    /// <summary>"restoreOriginal" (the provider's default) or "restoreDefaults".</summary>
    [Input("onDestroy")]
    public Input<string>? OnDestroy { get; set; }
}
