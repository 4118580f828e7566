using System.Collections.Immutable;
using Infra.Groups;
using Infra.Settings;
using Pulumi;
using Pulumi.AzureAD;
using Pulumi.EntraDevices;

namespace Infra;

/// <summary>The program: validate the stack's settings, then declare the resources they ask for.</summary>
internal static class DeviceSettingsProgram
{
    public const string PolicyResourceName = "device-registration-policy";
    public const string BitLockerResourceName = "bitlocker-key-recovery-restriction";

    /// <summary>
    /// Graph lets only a signed-in person read or change it, so every workflow that signs in as an application
    /// excludes this resource by its URN (docs/deploying-from-github-actions.md); the workflow checks hold them to this name.
    /// </summary>
    public const string EnrollmentResourceName = "automatic-intune-enrollment";
    public const string DeploymentProfileResourceName = "autopilot-deployment-profile";
    public const string StatusPageResourceName = "enrollment-status-page";
    public const string DefaultStatusPageResourceName = "default-enrollment-status-page";
    public const string DevicesResourceName = "autopilot-devices";
    public const string DevicePreparationResourceName = "device-preparation-policy";
    public const string CorporateIdentifiersResourceName = "corporate-device-identifiers";

    /// <summary>
    /// The Autopilot devices' own time limit. A first import of thousands takes long under Intune's write limits, and
    /// the deploy jobs are killed at 60 minutes (.github/workflows/deploy.yml): the provider stops at this limit,
    /// records what is still being imported as pending (the next up settles it), and the engine writes that state
    /// well before the job would be killed with nothing recorded.
    /// </summary>
    public static readonly TimeSpan DevicesTimeLimit = TimeSpan.FromMinutes(40);

    /// <summary>The body given to <c>Deployment.RunAsync</c>; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Run()
    {
        // First, and on its own: an invalid configuration fails here, before any resource is declared.
        var settings = PulumiStackSettings.Load();
        foreach (var warning in settings.Warnings)
        {
            Log.Warn(warning);
        }

        if (settings is { Devices: { } devices, CorporateIdentifiers: { } identifiers } && ClassicOrPreparation.Warning(
            ClassicOrPreparation.DeviceSerials(ClassicOrPreparation.Lines(devices.Csv, ProjectFolder.Find())),
            ClassicOrPreparation.IdentifierSerials(ClassicOrPreparation.Lines(identifiers.Csv, ProjectFolder.Find()))) is { } both)
        {
            Log.Warn(both);
        }

        return Declare(settings).ToStackOutputs();
    }

    public static DeclaredResources Declare(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        (Group? joinGroup, IReadOnlyList<GroupMember> joinGroupMembers) = settings.Join?.CreatedGroupName is string joinGroupName
            ? DeviceJoinGroup.Create(joinGroupName, settings.Join.CreatedGroupMembers)
            : ((Group?)null, []);
        var autopilotGroup = settings.AutopilotGroupName is string autopilotGroupName ? AutopilotDeviceGroup.Create(autopilotGroupName) : null;
        var localAdministrators = settings.LocalAdminsGroupName is string localAdminsGroupName
            ? JoinedDeviceLocalAdministrators.Create(localAdminsGroupName)
            : null;

        var allowedToJoinGroupIds = settings.Join is { Scope: MembershipScope.Selected } join
            ? AllowedToJoinGroupIds(join, joinGroup, joinGroupMembers)
            : null;
        var policy = new DeviceRegistrationPolicy(
            PolicyResourceName, DeviceRegistrationPolicyArgsFactory.Create(settings, allowedToJoinGroupIds));

        var bitLocker = settings.RestrictBitLockerKeySelfRecovery is bool restrict
            ? new BitLockerKeyRecoveryRestriction(BitLockerResourceName, new BitLockerKeyRecoveryRestrictionArgs
            {
                RestrictOwnersFromReadingKeys = restrict,
            })
            : null;

        var enrollment = settings.Enrollment is { } declared
            ? new AutomaticIntuneEnrollment(EnrollmentResourceName, new AutomaticIntuneEnrollmentArgs
            {
                Mdm = UserScope(declared.Mdm),
                Mam = UserScope(declared.Mam),
            })
            : null;

        // Parse refuses a page or profile assigned to no group, so each has the Autopilot device group or listed groups.
        var profile = settings.DeploymentProfile is { } declaredProfile
            ? new AutopilotDeploymentProfile(DeploymentProfileResourceName, AssignedObjectArgs.DeploymentProfileArgs(declaredProfile, autopilotGroup))
            : null;

        var page = settings.StatusPage is { } declaredPage
            ? new EnrollmentStatusPage(StatusPageResourceName, AssignedObjectArgs.StatusPageArgs(declaredPage, autopilotGroup))
            : null;

        var defaultPage = settings.DefaultStatusPage is { } declaredDefault
            ? new DefaultEnrollmentStatusPage(DefaultStatusPageResourceName, AssignedObjectArgs.DefaultStatusPageArgs(declaredDefault))
            : null;

        var devices = settings.Devices is { } declaredDevices
            ? new AutopilotDevices(DevicesResourceName, new AutopilotDevicesArgs
            {
                Csv = ProjectFolder.Csv(declaredDevices.Csv, $"'{Deployment.Instance.ProjectName}:{Settings.ConfigKeys.DevicesCsv}'"),
                GroupTag = declaredDevices.GroupTag is { } tag ? (Input<string>)tag : null,
                AssignedUser = declaredDevices.AssignedUser is { } user ? (Input<string>)user : null,
                WhenRemoved = declaredDevices.WhenRemoved is { } when ? (Input<string>)when : null,
            }, new CustomResourceOptions
            {
                CustomTimeouts = new CustomTimeouts { Create = DevicesTimeLimit, Update = DevicesTimeLimit, Delete = DevicesTimeLimit },
            })
            : null;

        var preparation = settings.DevicePreparation is { } declaredPreparation ? DevicePreparation(declaredPreparation) : null;
        var identifiers = settings.CorporateIdentifiers is { } declaredIdentifiers
            ? new CorporateDeviceIdentifiers(CorporateIdentifiersResourceName, new CorporateDeviceIdentifiersArgs
            {
                Csv = ProjectFolder.Csv(declaredIdentifiers.Csv, $"'{Deployment.Instance.ProjectName}:{Settings.ConfigKeys.CorporateIdentifiersCsv}'"),
                WhenRemoved = declaredIdentifiers.WhenRemoved is { } removed ? (Input<string>)removed : null,
            })
            : null;

        return new DeclaredResources(joinGroup, allowedToJoinGroupIds, autopilotGroup, localAdministrators, policy, bitLocker, enrollment, profile, page, devices)
        {
            JoinGroupMembers = joinGroupMembers,
            DevicePreparation = preparation,
            CorporateIdentifiers = identifiers,
            DefaultStatusPage = defaultPage,
        };
    }

    /// <summary>
    /// The device preparation policy with its device group: made here and owned by the Intune Provisioning Client (whose
    /// service principal is adopted or created), or an existing one the preview checks first. The policy depends on the group's
    /// output, so the group and its owner exist before the policy is bound to it.
    /// </summary>
    private static DeclaredPreparation DevicePreparation(DevicePreparationSettings declared)
    {
        var client = declared.DeviceGroupName is null ? null : DevicePreparationDeviceGroup.ProvisioningClient();
        var group = client is null ? null : DevicePreparationDeviceGroup.Create(declared.DeviceGroupName!, client);
        var deviceGroupId = group?.ObjectId ?? DevicePreparationDeviceGroup.Checked(declared.DeviceGroupId!);
        var args = new AutopilotDevicePreparationPolicyArgs
        {
            Name = declared.Name,
            DeviceGroup = deviceGroupId,
            UserGroups = [.. declared.UserGroupIds],
            AllowSkip = declared.AllowSkip,
            AllowDiagnostics = declared.AllowDiagnostics,
            TimeoutMinutes = declared.TimeoutMinutes,
        };
        if (declared.Description is { } description)
        {
            args.Description = description;
        }

        if (declared.UserAccountType is { } accountType)
        {
            args.UserAccountType = accountType;
        }

        if (declared.CustomErrorMessage is { } message)
        {
            args.CustomErrorMessage = message;
        }

        if (declared.AllowedApps is { } apps)
        {
            args.AllowedApps = [.. apps.Select(app => new Pulumi.EntraDevices.Inputs.AllowedAppArgs { Id = app.Id, Type = app.Type })];
        }

        if (declared.AllowedScriptIds is { } scripts)
        {
            args.AllowedScripts = [.. scripts];
        }

        return new DeclaredPreparation(client, group, new AutopilotDevicePreparationPolicy(DevicePreparationResourceName, args));
    }

    private static Input<Pulumi.EntraDevices.Inputs.MobilityUserScopeArgs>? UserScope(UserScopeSettings? scope) => scope is null
        ? null
        : (Input<Pulumi.EntraDevices.Inputs.MobilityUserScopeArgs>)new Pulumi.EntraDevices.Inputs.MobilityUserScopeArgs
        {
            AppliesTo = scope.Scope.ToContractValue(),
            IncludedGroups = [.. scope.GroupIds],
        };

    /// <summary>
    /// The existing group ids plus the created group's object id. Built from the group's output and its memberships', so
    /// the policy that receives it depends on them: the group is filled before the policy names it, and emptied after.
    /// </summary>
    private static Output<ImmutableArray<string>> AllowedToJoinGroupIds(JoinSettings join, Group? joinGroup, IReadOnlyList<GroupMember> members)
    {
        var ids = new List<Input<string>>();
        foreach (var id in join.ExistingGroupIds)
        {
            ids.Add(id);
        }

        if (joinGroup is not null)
        {
            ids.Add(Output.Tuple(joinGroup.ObjectId, Output.All(members.Select(member => member.Id))).Apply(pair => pair.Item1));
        }

        return Output.All(ids);
    }
}
