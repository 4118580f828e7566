using Infra.Settings;
using Pulumi;
using Pulumi.AzureAD;
using Pulumi.EntraDevices;

namespace Infra;

/// <summary>
/// The arguments of the Intune objects assigned to groups (the Enrollment Status Pages and the deployment profile):
/// the Autopilot device group when the stack creates it, and the existing groups it lists. Only what the stack declares is sent.
/// </summary>
internal static class AssignedObjectArgs
{
    /// <summary>The Autopilot device group's id, when the stack creates it, then the existing groups' ids.</summary>
    private static InputList<string> AssignedGroups(Group? autopilotGroup, IReadOnlyList<string> existing)
    {
        var groups = new InputList<string>();
        if (autopilotGroup is not null)
        {
            groups.Add(autopilotGroup.ObjectId);
        }

        foreach (var id in existing)
        {
            groups.Add(id);
        }

        return groups;
    }

    /// <summary>The tenant's default page: only the settings the stack declares are sent; it is never assigned or renamed.</summary>
    public static DefaultEnrollmentStatusPageArgs DefaultStatusPageArgs(StatusPageSettings page)
    {
        var args = new DefaultEnrollmentStatusPageArgs
        {
            ShowInstallationProgress = page.ShowInstallationProgress,
            InstallProgressTimeoutInMinutes = page.InstallProgressTimeoutInMinutes,
            AllowDeviceUseOnInstallFailure = page.AllowDeviceUseOnInstallFailure,
            AllowDeviceResetOnInstallFailure = page.AllowDeviceResetOnInstallFailure,
            AllowLogCollectionOnInstallFailure = page.AllowLogCollectionOnInstallFailure,
            BlockDeviceSetupRetryByUser = page.BlockDeviceSetupRetryByUser,
            TrackInstallProgressForAutopilotOnly = page.TrackInstallProgressForAutopilotOnly,
        };
        if (page.CustomErrorMessage is { } message)
        {
            args.CustomErrorMessage = message;
        }

        return args;
    }

    /// <summary>An Enrollment Status Page assigned to the Autopilot device group and the listed groups; only what the stack declares is sent.</summary>
    public static EnrollmentStatusPageArgs StatusPageArgs(StatusPageSettings page, Group? autopilotGroup)
    {
        var args = new EnrollmentStatusPageArgs
        {
            DisplayName = page.DisplayName,
            ShowInstallationProgress = page.ShowInstallationProgress,
            InstallProgressTimeoutInMinutes = page.InstallProgressTimeoutInMinutes,
            AllowDeviceUseOnInstallFailure = page.AllowDeviceUseOnInstallFailure,
            AllowDeviceResetOnInstallFailure = page.AllowDeviceResetOnInstallFailure,
            AllowLogCollectionOnInstallFailure = page.AllowLogCollectionOnInstallFailure,
            BlockDeviceSetupRetryByUser = page.BlockDeviceSetupRetryByUser,
            TrackInstallProgressForAutopilotOnly = page.TrackInstallProgressForAutopilotOnly,
            Assignments = AssignedGroups(autopilotGroup, page.AssignedGroupIds),
        };
        if (page.CustomErrorMessage is { } message)
        {
            args.CustomErrorMessage = message;
        }

        return args;
    }

    /// <summary>
    /// A user-driven Entra join profile assigned to the Autopilot device group (an output, so the group comes first) and the
    /// listed groups, excluding the excluded ones.
    /// </summary>
    public static AutopilotDeploymentProfileArgs DeploymentProfileArgs(DeploymentProfileSettings profile, Group? autopilotGroup)
    {
        // Only what the stack declares is sent: the rest takes Graph's default on create and is left alone on update.
        var args = new AutopilotDeploymentProfileArgs
        {
            DisplayName = profile.DisplayName,
            PreprovisioningAllowed = profile.PreprovisioningAllowed,
            HardwareHashExtractionEnabled = profile.HardwareHashExtractionEnabled,
            OutOfBoxExperienceSetting = new Pulumi.EntraDevices.Inputs.OutOfBoxExperienceSettingArgs
            {
                PrivacySettingsHidden = profile.PrivacySettingsHidden,
                EulaHidden = profile.EulaHidden,
                KeyboardSelectionPageSkipped = profile.KeyboardSelectionPageSkipped,
                EscapeLinkHidden = profile.EscapeLinkHidden,
                UserType = profile.UserType is { } userType ? (Input<string>)userType : null,
            },
            Assignments = ProfileAssignments(profile, autopilotGroup),
        };
        if (profile.Description is { } description)
        {
            args.Description = description;
        }

        if (profile.Locale is { } locale)
        {
            args.Locale = locale;
        }

        if (profile.DeviceNameTemplate is { } template)
        {
            args.DeviceNameTemplate = template;
        }

        return args;
    }

    // Exclusions are declared only when listed: left undeclared, the provider does not manage them.
    private static Pulumi.EntraDevices.Inputs.ProfileAssignmentsArgs ProfileAssignments(DeploymentProfileSettings profile, Group? autopilotGroup)
    {
        var assignments = new Pulumi.EntraDevices.Inputs.ProfileAssignmentsArgs { Groups = AssignedGroups(autopilotGroup, profile.AssignedGroupIds) };
        if (profile.ExcludedGroupIds.Count > 0)
        {
            assignments.ExcludedGroups = [.. profile.ExcludedGroupIds];
        }

        return assignments;
    }
}
