using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>A whole set of device registration settings (the shape of <c>originalSettings</c>).</summary>
[OutputType]
public sealed class DeviceRegistrationSettings
{
    public readonly int UserDeviceQuota;
    public readonly string MultiFactorAuthConfiguration;
    public readonly AzureADJoin AzureADJoin;
    public readonly AzureADRegistration AzureADRegistration;
    public readonly LocalAdminPassword LocalAdminPassword;

    [OutputConstructor]
    private DeviceRegistrationSettings(
        int userDeviceQuota,
        string multiFactorAuthConfiguration,
        AzureADJoin azureADJoin,
        AzureADRegistration azureADRegistration,
        LocalAdminPassword localAdminPassword)
    {
        UserDeviceQuota = userDeviceQuota;
        MultiFactorAuthConfiguration = multiFactorAuthConfiguration;
        AzureADJoin = azureADJoin;
        AzureADRegistration = azureADRegistration;
        LocalAdminPassword = localAdminPassword;
    }
}
