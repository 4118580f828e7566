namespace EntraDevices.Provider.Export;

/// <summary>
/// What the program (infra/) declares, in the names it declares it under: each section of its stack configuration and
/// the resource it makes of it. tests/Infra.Tests holds these to the program's own constants.
/// </summary>
internal static class ProgramShape
{
    public const string DefaultProject = "entra-device-settings";

    public const string PolicySection = "deviceRegistrationPolicy";
    public const string BitLockerSection = "bitLockerKeyRecoveryRestriction";
    public const string EnrollmentSection = "automaticIntuneEnrollment";
    public const string StatusPageSection = "enrollmentStatusPage";
    public const string DefaultStatusPageSection = "defaultEnrollmentStatusPage";
    public const string ProfileSection = "deploymentProfile";
    public const string DevicesSection = "autopilotDevices";
    public const string PreparationSection = "devicePreparation";
    public const string AutopilotGroupSection = "autopilotGroup";
    public const string IdentifiersSection = "corporateIdentifiers";

    public const string PolicyName = "device-registration-policy";
    public const string BitLockerName = "bitlocker-key-recovery-restriction";
    public const string EnrollmentName = "automatic-intune-enrollment";
    public const string StatusPageName = "enrollment-status-page";
    public const string DefaultStatusPageName = "default-enrollment-status-page";
    public const string ProfileName = "autopilot-deployment-profile";
    public const string DevicesName = "autopilot-devices";
    public const string PreparationName = "device-preparation-policy";
    public const string IdentifiersName = "corporate-device-identifiers";

    public const string PolicyType = "entradevices:index:DeviceRegistrationPolicy";
    public const string BitLockerType = "entradevices:index:BitLockerKeyRecoveryRestriction";
    public const string EnrollmentType = "entradevices:index:AutomaticIntuneEnrollment";
    public const string StatusPageType = "entradevices:index:EnrollmentStatusPage";
    public const string DefaultStatusPageType = "entradevices:index:DefaultEnrollmentStatusPage";
    public const string ProfileType = "entradevices:index:AutopilotDeploymentProfile";
    public const string DevicesType = "entradevices:index:AutopilotDevices";
    public const string PreparationType = "entradevices:index:AutopilotDevicePreparationPolicy";
    public const string IdentifiersType = "entradevices:index:CorporateDeviceIdentifiers";

    /// <summary>The singletons' import ids.</summary>
    public const string PolicyId = "deviceRegistrationPolicy";
    public const string BitLockerId = "authorizationPolicy";
    public const string EnrollmentId = "0000000a-0000-0000-c000-000000000000";
    public const string DefaultStatusPageId = "defaultEnrollmentStatusPage";
}
