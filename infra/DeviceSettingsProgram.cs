using System.Collections.Immutable;
using Infra.EntraDevices;
using Infra.Groups;
using Infra.Settings;
using Pulumi;
using Pulumi.AzureAD;

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

    /// <summary>The body given to <c>Deployment.RunAsync</c>; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Run()
    {
        // First, and on its own: an invalid configuration fails here, before any resource is declared.
        var settings = PulumiStackSettings.Load();
        foreach (var warning in settings.Warnings)
        {
            Log.Warn(warning);
        }

        return Declare(settings).ToStackOutputs();
    }

    public static DeclaredResources Declare(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var joinGroup = settings.Join?.CreatedGroupName is string joinGroupName ? DeviceJoinGroup.Create(joinGroupName) : null;
        var autopilotGroup = settings.AutopilotGroupName is string autopilotGroupName ? AutopilotDeviceGroup.Create(autopilotGroupName) : null;
        var localAdministrators = settings.LocalAdminsGroupName is string localAdminsGroupName
            ? JoinedDeviceLocalAdministrators.Create(localAdminsGroupName)
            : null;

        var allowedToJoinGroupIds = settings.Join is { Scope: MembershipScope.Selected } join
            ? AllowedToJoinGroupIds(join, joinGroup)
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

        return new DeclaredResources(joinGroup, allowedToJoinGroupIds, autopilotGroup, localAdministrators, policy, bitLocker, enrollment);
    }

    private static Input<EntraDevices.Inputs.MobilityUserScopeArgs>? UserScope(UserScopeSettings? scope) => scope is null
        ? null
        : (Input<EntraDevices.Inputs.MobilityUserScopeArgs>)new EntraDevices.Inputs.MobilityUserScopeArgs
        {
            AppliesTo = scope.Scope.ToContractValue(),
            IncludedGroups = [.. scope.GroupIds],
        };

    /// <summary>
    /// The existing group ids plus the created group's object id. Built from the group's output, so the
    /// policy that receives it depends on the group (created first, deleted last).
    /// </summary>
    private static Output<ImmutableArray<string>> AllowedToJoinGroupIds(JoinSettings join, Group? joinGroup)
    {
        var ids = new List<Input<string>>();
        foreach (var id in join.ExistingGroupIds)
        {
            ids.Add(id);
        }

        if (joinGroup is not null)
        {
            ids.Add(joinGroup.ObjectId);
        }

        return Output.All(ids);
    }
}
