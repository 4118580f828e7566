using System.Collections.Immutable;
using Infra.Groups;
using Pulumi;
using Pulumi.AzureAD;
using Pulumi.EntraDevices;

namespace Infra;

/// <summary>Everything one run of the program declared; <see langword="null"/> when the settings did not ask for it.</summary>
internal sealed record DeclaredResources(
    Group? JoinGroup,
    Output<ImmutableArray<string>>? AllowedToJoinGroupIds,
    Group? AutopilotGroup,
    JoinedDeviceLocalAdministrators? LocalAdministrators,
    DeviceRegistrationPolicy Policy,
    BitLockerKeyRecoveryRestriction? BitLockerRestriction,
    AutomaticIntuneEnrollment? Enrollment = null,
    AutopilotDeploymentProfile? DeploymentProfile = null,
    EnrollmentStatusPage? StatusPage = null,
    AutopilotDevices? Devices = null)
{
    /// <summary>The device preparation policy and its device group, when the stack declares them.</summary>
    public DeclaredPreparation? DevicePreparation { get; init; }

    /// <summary>The tenant's default Enrollment Status Page, when the stack declares its settings.</summary>
    public DefaultEnrollmentStatusPage? DefaultStatusPage { get; init; }

    /// <summary>The corporate identifiers of the stack's CSV, when it declares them.</summary>
    public CorporateDeviceIdentifiers? CorporateIdentifiers { get; init; }

    /// <summary>The memberships of the join group the stack declares (users and nested groups), one resource each.</summary>
    public IReadOnlyList<GroupMember> JoinGroupMembers { get; init; } = [];

    /// <summary>The stack outputs: the group ids and the effective (live) settings.</summary>
    public IDictionary<string, object?> ToStackOutputs()
    {
        var outputs = new Dictionary<string, object?>
        {
            ["deviceRegistrationPolicy"] = new Dictionary<string, object?>
            {
                ["userDeviceQuota"] = Policy.UserDeviceQuota,
                ["multiFactorAuthConfiguration"] = Policy.MultiFactorAuthConfiguration,
                ["azureADJoin"] = Policy.AzureADJoin,
                ["azureADRegistration"] = Policy.AzureADRegistration,
                ["localAdminPassword"] = Policy.LocalAdminPassword,
                ["originalSettings"] = Policy.OriginalSettings,
            },
        };

        if (AllowedToJoinGroupIds is not null)
        {
            outputs["allowedToJoinGroupIds"] = AllowedToJoinGroupIds;
        }

        if (JoinGroup is not null)
        {
            outputs["joinGroupObjectId"] = JoinGroup.ObjectId;
        }

        if (AutopilotGroup is not null)
        {
            outputs["autopilotGroupObjectId"] = AutopilotGroup.ObjectId;
        }

        if (LocalAdministrators is not null)
        {
            outputs["localAdminsGroupObjectId"] = LocalAdministrators.Group.ObjectId;
        }

        if (BitLockerRestriction is not null)
        {
            outputs["bitLockerKeyRecoveryRestriction"] = new Dictionary<string, object?>
            {
                ["restrictOwnersFromReadingKeys"] = BitLockerRestriction.RestrictOwnersFromReadingKeys,
                ["originalValue"] = BitLockerRestriction.OriginalValue,
            };
        }

        if (Enrollment is not null)
        {
            outputs["automaticIntuneEnrollment"] = new Dictionary<string, object?>
            {
                ["mdm"] = Enrollment.Mdm,
                ["mam"] = Enrollment.Mam,
                ["originalSettings"] = Enrollment.OriginalSettings,
            };
        }

        if (StatusPage is not null)
        {
            outputs["enrollmentStatusPageId"] = StatusPage.Id;
        }

        if (DefaultStatusPage is not null)
        {
            outputs["defaultEnrollmentStatusPageId"] = DefaultStatusPage.Id;
        }

        if (DeploymentProfile is not null)
        {
            outputs["autopilotDeploymentProfileId"] = DeploymentProfile.Id;
        }

        if (Devices is not null)
        {
            outputs["autopilotDevices"] = new Dictionary<string, object?>
            {
                ["deviceCount"] = Devices.DeviceCount,
                ["failed"] = Devices.Failed,
                // Finished import records still in Intune, by import id: later `pulumi up`s delete them (issue #25).
                ["leftImportRecords"] = Devices.LeftImportRecords,
            };
        }

        if (DevicePreparation is { } preparation)
        {
            outputs["devicePreparation"] = new Dictionary<string, object?>
            {
                ["policyId"] = preparation.Policy.Id,
                ["deviceGroupObjectId"] = preparation.Policy.DeviceGroup,
                ["priority"] = preparation.Policy.Priority,
            };
        }

        if (CorporateIdentifiers is not null)
        {
            outputs["corporateIdentifiers"] = new Dictionary<string, object?>
            {
                ["identifierCount"] = CorporateIdentifiers.IdentifierCount,
                ["failed"] = CorporateIdentifiers.Failed,
            };
        }

        return outputs;
    }
}

/// <summary>The device preparation policy; the service principal and group are null when the stack names an existing group.</summary>
internal sealed record DeclaredPreparation(ServicePrincipal? ProvisioningClient, Group? DeviceGroup, AutopilotDevicePreparationPolicy Policy);
