using System.Collections.Immutable;
using Infra.Groups;
using Infra.Settings;
using Pulumi.EntraDevices;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>
/// Runs the program, with Pulumi mocks, on every committed Pulumi.&lt;stack&gt;.yaml and checks the resources it
/// declares and their inputs against what the stack's settings ask for.
/// </summary>
public sealed class StackFileTests
{
    public static TheoryData<string> Stacks()
    {
        var stacks = new TheoryData<string>();
        foreach (var stack in StackConfigFile.StackNames())
        {
            stacks.Add(stack);
        }

        return stacks;
    }

    [Fact]
    public void The_dev_and_prod_stacks_are_committed()
    {
        var stacks = StackConfigFile.StackNames();
        Assert.Contains("dev", stacks);
        Assert.Contains("prod", stacks);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Stack_file_is_a_valid_configuration(string stack)
    {
        var file = StackConfigFile.Load(stack);

        // Throws, listing every problem (unknown keys included), when the file is wrong.
        StackSettings.Parse(file.ProjectSettings(), StackConfigFile.ProjectName);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Stack_declares_the_resources_and_inputs_its_settings_ask_for(string stack)
    {
        var file = StackConfigFile.Load(stack);
        var settings = StackSettings.Parse(file.ProjectSettings(), StackConfigFile.ProjectName);

        var run = await ProgramRun.RunAsync(file);

        Assert.Equal(ExpectedResources(settings), run.RegisteredResources());

        var policy = run.Single(DeviceRegistrationPolicy.TypeToken);
        Assert.Equal(Tree.Canonical(ExpectedPolicyInputs(settings)), Tree.Canonical(policy.Inputs));

        if (settings.Join?.CreatedGroupName is string joinGroupName)
        {
            AssertSecurityGroup(run.Single(EntraMocks.GroupType, DeviceJoinGroup.ResourceName), joinGroupName);
        }

        if (settings.AutopilotGroupName is string autopilotGroupName)
        {
            var autopilot = run.Single(EntraMocks.GroupType, AutopilotDeviceGroup.ResourceName);
            AssertSecurityGroup(autopilot, autopilotGroupName);
            Assert.Equal(
                Tree.Canonical(new[] { "DynamicMembership" }),
                Tree.Canonical(Tree.At(autopilot.Inputs, "types")));
            Assert.True(Tree.Bool(autopilot.Inputs, "dynamicMembership.enabled"));
            Assert.Equal(
                "(device.devicePhysicalIDs -any (_ -startsWith \"[ZTDid]\"))",
                Tree.At(autopilot.Inputs, "dynamicMembership.rule"));
        }

        if (settings.LocalAdminsGroupName is string localAdminsGroupName)
        {
            var group = run.Single(EntraMocks.GroupType, JoinedDeviceLocalAdministrators.GroupResourceName);
            AssertSecurityGroup(group, localAdminsGroupName);
            Assert.True(Tree.Bool(group.Inputs, "assignableToRole"));

            var role = run.Single(EntraMocks.DirectoryRoleType);
            Assert.Equal("9f06204d-73c1-4d4c-880a-6edb90606fd8", Tree.At(role.Inputs, "templateId"));

            var assignment = run.Single(EntraMocks.DirectoryRoleAssignmentType);
            Assert.Equal("9f06204d-73c1-4d4c-880a-6edb90606fd8", Tree.At(assignment.Inputs, "roleId"));
            Assert.Equal(EntraMocks.ObjectIdOf(JoinedDeviceLocalAdministrators.GroupResourceName), Tree.At(assignment.Inputs, "principalObjectId"));
            Assert.Equal(
                EntraMocks.ObjectIdOf(JoinedDeviceLocalAdministrators.GroupResourceName),
                await run.OutputAsync<string>("localAdminsGroupObjectId"));
        }

        if (settings.RestrictBitLockerKeySelfRecovery is bool restrict)
        {
            var bitLocker = run.Single(BitLockerKeyRecoveryRestriction.TypeToken);
            Assert.Equal(restrict, Tree.Bool(bitLocker.Inputs, "restrictOwnersFromReadingKeys"));
            Assert.Equal(restrict, await run.OutputAsync<bool>("bitLockerKeyRecoveryRestriction", "restrictOwnersFromReadingKeys"));
        }

        if (settings.Enrollment is { } enrollment)
        {
            var declared = run.Single(AutomaticIntuneEnrollment.TypeToken, DeviceSettingsProgram.EnrollmentResourceName);
            foreach (var (path, scope) in new[] { ("mdm", enrollment.Mdm), ("mam", enrollment.Mam) })
            {
                Assert.Equal(scope?.Scope.ToContractValue(), Tree.At(declared.Inputs, $"{path}.appliesTo"));
                if (scope is not null)
                {
                    Assert.Equal(Tree.Canonical(scope.GroupIds), Tree.Canonical(Tree.At(declared.Inputs, $"{path}.includedGroups")));
                }
            }
        }

        if (settings.StatusPage is { } page)
        {
            var declared = run.Single(EnrollmentStatusPage.TypeToken, DeviceSettingsProgram.StatusPageResourceName);
            Assert.Equal(page.DisplayName, Tree.At(declared.Inputs, "displayName"));
            Assert.Equal(page.InstallProgressTimeoutInMinutes, Tree.At(declared.Inputs, "installProgressTimeoutInMinutes") is double minutes ? (int)minutes : null);
            Assert.Equal(page.CustomErrorMessage, Tree.At(declared.Inputs, "customErrorMessage"));
            Assert.Equal(
                Tree.Canonical(new[] { EntraMocks.ObjectIdOf(AutopilotDeviceGroup.ResourceName) }),
                Tree.Canonical(Tree.At(declared.Inputs, "assignments")));
        }

        if (settings.DeploymentProfile is { } profile)
        {
            var declared = run.Single(AutopilotDeploymentProfile.TypeToken, DeviceSettingsProgram.DeploymentProfileResourceName);
            Assert.Equal(profile.DisplayName, Tree.At(declared.Inputs, "displayName"));
            Assert.Equal(profile.DeviceNameTemplate, Tree.At(declared.Inputs, "deviceNameTemplate"));
            Assert.Equal(profile.Locale, Tree.At(declared.Inputs, "locale"));
            Assert.Equal(profile.UserType, Tree.At(declared.Inputs, "outOfBoxExperienceSetting.userType"));
            Assert.Equal(
                Tree.Canonical(new[] { EntraMocks.ObjectIdOf(AutopilotDeviceGroup.ResourceName) }),
                Tree.Canonical(Tree.At(declared.Inputs, "assignments.groups")));
        }

        if (settings.Devices is { } devices)
        {
            var declared = run.Single(AutopilotDevices.TypeToken, DeviceSettingsProgram.DevicesResourceName);
            Assert.IsAssignableFrom<Pulumi.AssetOrArchive>(declared.Inputs["csv"]);
            Assert.Equal(devices.GroupTag, Tree.At(declared.Inputs, "groupTag"));
            Assert.Equal(devices.WhenRemoved, Tree.At(declared.Inputs, "whenRemoved"));
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.FullPath, devices.Csv)), devices.Csv);
        }

        Assert.Equal(
            settings.UserDeviceQuota ?? 50,
            await run.OutputAsync<int>("deviceRegistrationPolicy", "userDeviceQuota"));
    }

    [Fact]
    public async Task Dev_is_permissive()
    {
        var run = await ProgramRun.RunAsync(StackConfigFile.Load("dev"));

        var policy = run.Single(DeviceRegistrationPolicy.TypeToken);
        Assert.Equal(20.0, Tree.At(policy.Inputs, "userDeviceQuota"));
        Assert.Equal("notRequired", Tree.At(policy.Inputs, "multiFactorAuthConfiguration"));
        Assert.Equal("all", Tree.At(policy.Inputs, "azureADJoin.allowedToJoin.scope"));
        Assert.True(Tree.Bool(policy.Inputs, "localAdminPassword.isEnabled"));
        Assert.Null(Tree.At(policy.Inputs, "onDestroy"));
        Assert.DoesNotContain(run.Registered(EntraMocks.GroupType), group => group.Name == DeviceJoinGroup.ResourceName);

        Assert.Empty(run.Registered(EntraMocks.DirectoryRoleAssignmentType));
        Assert.Empty(run.Registered(BitLockerKeyRecoveryRestriction.TypeToken));

        var effective = run.SingleResource<DeviceRegistrationPolicy>();
        Assert.Equal(EntraMocks.PolicyId, await OutputUtilities.GetValueAsync(effective.Id));
        Assert.Equal(20, await OutputUtilities.GetValueAsync(effective.UserDeviceQuota));
    }

    [Fact]
    public async Task Prod_is_strict()
    {
        var run = await ProgramRun.RunAsync(StackConfigFile.Load("prod"));

        var policy = run.Single(DeviceRegistrationPolicy.TypeToken);
        Assert.Equal(5.0, Tree.At(policy.Inputs, "userDeviceQuota"));
        Assert.Equal("required", Tree.At(policy.Inputs, "multiFactorAuthConfiguration"));
        Assert.Equal("selected", Tree.At(policy.Inputs, "azureADJoin.allowedToJoin.scope"));
        var joinGroupId = EntraMocks.ObjectIdOf(DeviceJoinGroup.ResourceName);
        Assert.Equal(Tree.Canonical(new[] { joinGroupId }), Tree.Canonical(Tree.At(policy.Inputs, "azureADJoin.allowedToJoin.groups")));
        // The join group is not empty: it is dynamic, every enabled member user.
        var joinGroup = run.Single(EntraMocks.GroupType, DeviceJoinGroup.ResourceName);
        Assert.Equal("(user.userType -eq \"Member\") -and (user.accountEnabled -eq true)", Tree.At(joinGroup.Inputs, "dynamicMembership.rule"));
        Assert.Equal(new[] { joinGroupId }, await run.OutputAsync<ImmutableArray<string>>("allowedToJoinGroupIds"));
        Assert.False(Tree.Bool(policy.Inputs, "azureADJoin.localAdmins.enableGlobalAdmins"));
        Assert.Equal("none", Tree.At(policy.Inputs, "azureADJoin.localAdmins.registeringUsers.scope"));
        Assert.True(Tree.Bool(policy.Inputs, "localAdminPassword.isEnabled"));
        Assert.Equal("restoreOriginal", Tree.At(policy.Inputs, "onDestroy"));

        var localAdmins = run.Single(EntraMocks.GroupType, JoinedDeviceLocalAdministrators.GroupResourceName);
        Assert.True(Tree.Bool(localAdmins.Inputs, "assignableToRole"));
        var assignment = run.Single(EntraMocks.DirectoryRoleAssignmentType);
        Assert.Equal(EntraMocks.ObjectIdOf(JoinedDeviceLocalAdministrators.GroupResourceName), Tree.At(assignment.Inputs, "principalObjectId"));

        var bitLocker = run.Single(BitLockerKeyRecoveryRestriction.TypeToken);
        Assert.True(Tree.Bool(bitLocker.Inputs, "restrictOwnersFromReadingKeys"));
        var restriction = run.SingleResource<BitLockerKeyRecoveryRestriction>();
        Assert.Equal(EntraMocks.BitLockerId, await OutputUtilities.GetValueAsync(restriction.Id));

        var enrollment = run.Single(AutomaticIntuneEnrollment.TypeToken);
        Assert.Equal("all", Tree.At(enrollment.Inputs, "mdm.appliesTo"));
        Assert.Equal("none", Tree.At(enrollment.Inputs, "mam.appliesTo"));
        Assert.Equal(EntraMocks.EnrollmentId, await OutputUtilities.GetValueAsync(run.SingleResource<AutomaticIntuneEnrollment>().Id));
    }

    private static void AssertSecurityGroup(MockResourceArgs group, string displayName)
    {
        Assert.Equal(displayName, Tree.At(group.Inputs, "displayName"));
        Assert.True(Tree.Bool(group.Inputs, "securityEnabled"));
        Assert.False(Tree.Bool(group.Inputs, "mailEnabled"));
    }

    private static List<string> ExpectedResources(StackSettings settings)
    {
        var expected = new List<string> { $"{DeviceRegistrationPolicy.TypeToken}::{DeviceSettingsProgram.PolicyResourceName}" };
        if (settings.Join?.CreatedGroupName is not null)
        {
            var members = settings.Join.CreatedGroupMembers ?? JoinGroupMembers.None;
            expected.AddRange(members.UserIds.Concat(members.GroupIds).Select(id => $"azuread:index/groupMember:GroupMember::{DeviceJoinGroup.MemberResourcePrefix}{id}"));
            expected.Add($"{EntraMocks.GroupType}::{DeviceJoinGroup.ResourceName}");
        }

        if (settings.AutopilotGroupName is not null)
        {
            expected.Add($"{EntraMocks.GroupType}::{AutopilotDeviceGroup.ResourceName}");
        }

        if (settings.LocalAdminsGroupName is not null)
        {
            expected.Add($"{EntraMocks.GroupType}::{JoinedDeviceLocalAdministrators.GroupResourceName}");
            expected.Add($"{EntraMocks.DirectoryRoleType}::{JoinedDeviceLocalAdministrators.RoleResourceName}");
            expected.Add($"{EntraMocks.DirectoryRoleAssignmentType}::{JoinedDeviceLocalAdministrators.AssignmentResourceName}");
        }

        if (settings.RestrictBitLockerKeySelfRecovery is not null)
        {
            expected.Add($"{BitLockerKeyRecoveryRestriction.TypeToken}::{DeviceSettingsProgram.BitLockerResourceName}");
        }

        if (settings.Enrollment is not null)
        {
            expected.Add($"{AutomaticIntuneEnrollment.TypeToken}::{DeviceSettingsProgram.EnrollmentResourceName}");
        }

        if (settings.StatusPage is not null)
        {
            expected.Add($"{EnrollmentStatusPage.TypeToken}::{DeviceSettingsProgram.StatusPageResourceName}");
        }

        if (settings.DeploymentProfile is not null)
        {
            expected.Add($"{AutopilotDeploymentProfile.TypeToken}::{DeviceSettingsProgram.DeploymentProfileResourceName}");
        }

        if (settings.Devices is not null)
        {
            expected.Add($"{AutopilotDevices.TypeToken}::{DeviceSettingsProgram.DevicesResourceName}");
        }

        if (settings.CorporateIdentifiers is not null)
        {
            expected.Add($"{CorporateDeviceIdentifiers.TypeToken}::{DeviceSettingsProgram.CorporateIdentifiersResourceName}");
        }

        if (settings.DevicePreparation is { } preparation)
        {
            expected.Add($"{AutopilotDevicePreparationPolicy.TypeToken}::{DeviceSettingsProgram.DevicePreparationResourceName}");
            if (preparation.DeviceGroupName is not null)
            {
                expected.Add($"{EntraMocks.GroupType}::{DevicePreparationDeviceGroup.GroupResourceName}");
                expected.Add($"{EntraMocks.ServicePrincipalType}::{DevicePreparationDeviceGroup.ServicePrincipalResourceName}");
            }
        }

        return [.. expected.Order(StringComparer.Ordinal)];
    }

    /// <summary>The policy inputs the settings call for, written out independently of the program.</summary>
    private static Dictionary<string, object?> ExpectedPolicyInputs(StackSettings settings)
    {
        var expected = new Dictionary<string, object?>();
        if (settings.UserDeviceQuota is int quota)
        {
            expected["userDeviceQuota"] = quota;
        }

        if (settings.RequireMfa is bool requireMfa)
        {
            expected["multiFactorAuthConfiguration"] = requireMfa ? "required" : "notRequired";
        }

        var azureADJoin = new Dictionary<string, object?>();
        if (settings.Join is { } join)
        {
            var groups = join.ExistingGroupIds.ToList();
            if (join.CreatedGroupName is not null)
            {
                groups.Add(EntraMocks.ObjectIdOf(DeviceJoinGroup.ResourceName));
            }

            azureADJoin["allowedToJoin"] = Membership(join.Scope, join.UserIds, groups);
        }

        var localAdmins = new Dictionary<string, object?>();
        if (settings.GlobalAdminsAsLocalAdmins is bool enableGlobalAdmins)
        {
            localAdmins["enableGlobalAdmins"] = enableGlobalAdmins;
        }

        if (settings.RegisteringUsersLocalAdmins is { } registeringUsers)
        {
            localAdmins["registeringUsers"] = Membership(registeringUsers.Scope, registeringUsers.UserIds, registeringUsers.GroupIds);
        }

        if (localAdmins.Count > 0)
        {
            azureADJoin["localAdmins"] = localAdmins;
        }

        if (azureADJoin.Count > 0)
        {
            expected["azureADJoin"] = azureADJoin;
        }

        if (settings.LapsEnabled is bool lapsEnabled)
        {
            expected["localAdminPassword"] = new Dictionary<string, object?> { ["isEnabled"] = lapsEnabled };
        }

        if (settings.OnDestroy is string onDestroy)
        {
            expected["onDestroy"] = onDestroy;
        }

        return expected;
    }

    private static Dictionary<string, object?> Membership(MembershipScope scope, IReadOnlyList<string> users, IReadOnlyList<string> groups)
        => scope == MembershipScope.Selected
            ? new Dictionary<string, object?> { ["scope"] = "selected", ["users"] = users, ["groups"] = groups }
            : new Dictionary<string, object?> { ["scope"] = scope == MembershipScope.All ? "all" : "none" };
}
