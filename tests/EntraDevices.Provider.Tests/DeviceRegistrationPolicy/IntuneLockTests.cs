using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

namespace EntraDevices.Provider.Tests.DeviceRegistrationPolicy;

/// <summary>The Intune lock on registration, as a pure rule: no Graph, no emulator.</summary>
public class IntuneLockTests
{
    private static readonly DeviceRegistrationSettings Locked = DeviceRegistrationSettings.EntraDefaults with
    {
        AzureADRegistration = new AzureADRegistrationSettings(Membership.All, IsAdminConfigurable: false),
    };

    [Fact]
    public void A_change_of_registration_while_locked_is_refused_with_what_to_do()
    {
        var refusal = IntuneLock.Refusal(Locked, Locked with { AzureADRegistration = Locked.AzureADRegistration with { AllowedToRegister = Membership.None } });

        Assert.NotNull(refusal);
        Assert.Contains("azureADRegistration.allowedToRegister", refusal);
        Assert.Contains("scope \"all\"", refusal);
    }

    [Fact]
    public void Other_changes_while_locked_are_allowed()
    {
        Assert.Null(IntuneLock.Refusal(Locked, Locked with { UserDeviceQuota = 10 }));
    }

    [Fact]
    public void Anything_goes_while_registration_is_admin_configurable()
    {
        var open = DeviceRegistrationSettings.EntraDefaults with { AzureADRegistration = new AzureADRegistrationSettings(Membership.All, true) };

        Assert.Null(IntuneLock.Refusal(open, open with { AzureADRegistration = open.AzureADRegistration with { AllowedToRegister = Membership.None } }));
    }

    [Fact]
    public void Restoring_while_locked_keeps_registration_as_the_tenant_has_it_and_restores_the_rest()
    {
        var desired = Locked with { UserDeviceQuota = 7, AzureADRegistration = Locked.AzureADRegistration with { AllowedToRegister = Membership.None } };

        var restorable = IntuneLock.Restorable(Locked, desired);

        Assert.Equal(7, restorable.UserDeviceQuota);
        Assert.Equal(Membership.All, restorable.AzureADRegistration.AllowedToRegister);
    }
}
