using EntraDevices.Graph.DeviceRegistrationPolicy;
using static EntraDevices.Provider.Resources.DeviceRegistrationPolicy.PolicyProperties;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>
/// Where Intune or MDM enrollment is on, Entra reports registration as not admin-configurable: every user may
/// register devices, and a write cannot change that. Pure, so it is tested without Graph.
/// </summary>
internal static class IntuneLock
{
    /// <summary>Why <paramref name="desired"/> cannot be written, or null when it can.</summary>
    public static string? Refusal(DeviceRegistrationSettings live, DeviceRegistrationSettings desired) =>
        live.AzureADRegistration.IsAdminConfigurable || desired.AzureADRegistration.AllowedToRegister.Equals(live.AzureADRegistration.AllowedToRegister)
            ? null
            : $"{AllowedToRegister} cannot be changed in this tenant: Entra reports it is not admin-configurable (Intune or MDM enrollment "
              + $"requires every user to register devices, so it stays \"{live.AzureADRegistration.AllowedToRegister}\"). "
              + $"Remove {AllowedToRegister} from the program or declare scope \"all\".";

    /// <summary>On destroy: registration cannot be restored while locked; everything else still is.</summary>
    public static DeviceRegistrationSettings Restorable(DeviceRegistrationSettings live, DeviceRegistrationSettings desired) =>
        live.AzureADRegistration.IsAdminConfigurable ? desired : desired with { AzureADRegistration = live.AzureADRegistration };
}
