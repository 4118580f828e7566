namespace EntraDevices.GraphEmulator.Modules;

/// <summary>Every emulated Graph object family, one line each.</summary>
internal static class All
{
    public static IEnumerable<IEmulatorModule> Modules(EmulatedTenant tenant) =>
    [
        new DeviceRegistrationPolicyModule(tenant),
        new AuthorizationPolicyModule(tenant),
        new DeploymentProfileModule(tenant),
        new MobilityPolicyModule(tenant),
        new EnrollmentStatusPageModule(tenant),
        new AutopilotDevicesModule(tenant),
        new DevicePreparationPolicyModule(tenant),
        new CorporateIdentifiersModule(tenant),
        new AppAssignmentsModule(tenant),
    ];
}
