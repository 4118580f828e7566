using EntraDevices.Graph.AutomaticIntuneEnrollment;
using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;
using EntraDevices.Provider.Resources.AutopilotDeploymentProfile;
using EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;
using EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;
using EntraDevices.Provider.Resources.DeviceRegistrationPolicy;
using EntraDevices.Provider.Resources.EnrollmentStatusPage;

namespace EntraDevices.Provider.Resources;

/// <summary>Every resource this provider serves, one line each: its lifecycle over its own folder's parts.</summary>
internal static class Catalog
{
    /// <param name="directories">Where relative paths of inputs (the devices' CSV) are read from.</param>
    public static IReadOnlyList<IResource> Resources(Func<GraphConnection> connection, ProjectDirectories? directories = null) =>
    [
        new SettingsResource<DeviceRegistrationSettings>(new DeviceRegistrationPolicySettings(), connection),
        new SettingsResource<Restriction>(new BitLockerKeyRecoveryRestrictionSettings(), connection),
        new SettingsResource<AutomaticEnrollment>(new AutomaticIntuneEnrollmentSettings(), connection),
        new ObjectResource<ProfileSpec, DeploymentProfile>(new AutopilotDeploymentProfileKind(), connection),
        new ObjectResource<PageSpec, StatusPage>(new EnrollmentStatusPageKind(), connection),
        new SettingsResource<StatusPage>(new DefaultPageSettings(), connection),
        new SetResource<CsvDevice, RecordedDevice>(new AutopilotDevicesKind(directories ?? new ProjectDirectories()), connection),
        new ObjectResource<PreparationSpec, PreparationPolicy>(new AutopilotDevicePreparationPolicyKind(), connection),
        new SetResource<IdentifierRow, string>(new CorporateDeviceIdentifiersKind(directories ?? new ProjectDirectories()), connection),
    ];
}
