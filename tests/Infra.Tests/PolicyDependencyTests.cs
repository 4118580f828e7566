using System.Collections.Immutable;
using Infra.Groups;
using Infra.Settings;
using Pulumi.EntraDevices;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>The policy names the join groups through their outputs, so it depends on them.</summary>
public sealed class PolicyDependencyTests
{
    private const string ExistingGroupId = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string UserId = "bbbbbbbb-0000-0000-0000-000000000002";

    [Fact]
    public async Task Allowed_to_join_groups_are_the_created_group_and_the_existing_ones()
    {
        DeclaredResources? declared = null;
        var run = await ProgramRun.RunAsync(
            ProgramRun.Config(
                ("deviceRegistrationPolicy.joinScope", "selected"),
                ("joinGroup.create", "true"),
                ("deviceRegistrationPolicy.joinGroupIds", $"[\"{ExistingGroupId}\"]"),
                ("deviceRegistrationPolicy.joinUserIds", UserId)),
            "dependencies",
            program: () =>
            {
                declared = DeviceSettingsProgram.Declare(PulumiStackSettings.Load());
                return declared.ToStackOutputs();
            });

        // The policy's input resolves to the object id the (mocked) engine gave the created group.
        var createdGroupId = EntraMocks.ObjectIdOf(DeviceJoinGroup.ResourceName);
        var policy = run.Single(DeviceRegistrationPolicy.TypeToken);
        Assert.Equal(
            Tree.Canonical(new[] { ExistingGroupId, createdGroupId }),
            Tree.Canonical(Tree.At(policy.Inputs, "azureADJoin.allowedToJoin.groups")));
        Assert.Equal(Tree.Canonical(new[] { UserId }), Tree.Canonical(Tree.At(policy.Inputs, "azureADJoin.allowedToJoin.users")));

        // And the value carries the group as a dependency: Pulumi creates the group before the policy.
        Assert.NotNull(declared);
        var joinGroup = Assert.IsType<Pulumi.AzureAD.Group>(declared.JoinGroup);
        var groupIds = Assert.IsType<Pulumi.Output<ImmutableArray<string>>>(declared.AllowedToJoinGroupIds);
        Assert.Contains(joinGroup, await OutputUtilities.GetDependenciesAsync(groupIds));
        Assert.Equal(new[] { ExistingGroupId, createdGroupId }, await OutputUtilities.GetValueAsync(groupIds));
    }

    [Fact]
    public async Task The_join_group_gets_its_declared_members_before_the_policy_names_it()
    {
        DeclaredResources? declared = null;
        await ProgramRun.RunAsync(
            ProgramRun.Config(
                ("deviceRegistrationPolicy.joinScope", "selected"),
                ("joinGroup.create", "true"),
                ("joinGroup.memberGroupIds", $"[\"{ExistingGroupId}\"]"),
                ("joinGroup.memberUserIds", UserId)),
            "join-group-members",
            program: () =>
            {
                declared = DeviceSettingsProgram.Declare(PulumiStackSettings.Load());
                return declared.ToStackOutputs();
            });

        Assert.NotNull(declared);
        Assert.Equal(2, declared.JoinGroupMembers.Count);
        var dependencies = await OutputUtilities.GetDependenciesAsync(declared.AllowedToJoinGroupIds!);
        foreach (var member in declared.JoinGroupMembers)
        {
            Assert.Equal(EntraMocks.ObjectIdOf(DeviceJoinGroup.ResourceName), await OutputUtilities.GetValueAsync(member.GroupObjectId));
            Assert.Contains(member, dependencies);
        }

        Assert.Equal(
            new[] { ExistingGroupId, UserId }.Order(),
            (await Task.WhenAll(declared.JoinGroupMembers.Select(member => OutputUtilities.GetValueAsync(member.MemberObjectId)))).Order());
    }

    [Fact]
    public async Task A_membership_rule_makes_the_join_group_dynamic()
    {
        var run = await ProgramRun.RunAsync(
            ProgramRun.Config(("deviceRegistrationPolicy.joinScope", "selected"), ("joinGroup.create", "true"), ("joinGroup.membershipRule", "(user.accountEnabled -eq true)")),
            "join-group-rule");

        var group = run.Single(EntraMocks.GroupType, DeviceJoinGroup.ResourceName);
        Assert.Equal("(user.accountEnabled -eq true)", Tree.At(group.Inputs, "dynamicMembership.rule"));
        Assert.Equal(Tree.Canonical(new[] { "DynamicMembership" }), Tree.Canonical(Tree.At(group.Inputs, "types")));
    }

    [Fact]
    public async Task Existing_groups_alone_create_no_join_group()
    {
        var run = await ProgramRun.RunAsync(
            ProgramRun.Config(("deviceRegistrationPolicy.joinScope", "selected"), ("deviceRegistrationPolicy.joinGroupIds", ExistingGroupId)),
            "existing-groups");

        Assert.DoesNotContain(run.Registered(EntraMocks.GroupType), group => group.Name == DeviceJoinGroup.ResourceName);
        var policy = run.Single(DeviceRegistrationPolicy.TypeToken);
        Assert.Equal(
            Tree.Canonical(new[] { ExistingGroupId }),
            Tree.Canonical(Tree.At(policy.Inputs, "azureADJoin.allowedToJoin.groups")));
    }

    [Fact]
    public async Task Directory_role_assignment_gives_the_local_admins_group_the_joined_device_local_administrator_role()
    {
        var run = await ProgramRun.RunAsync(ProgramRun.Config(("localAdminsGroup.create", "true")), "local-admins");

        var assignment = run.Single(EntraMocks.DirectoryRoleAssignmentType);
        Assert.Equal(JoinedDeviceLocalAdministrators.RoleTemplateId, Tree.At(assignment.Inputs, "roleId"));
        Assert.Equal(EntraMocks.ObjectIdOf(JoinedDeviceLocalAdministrators.GroupResourceName), Tree.At(assignment.Inputs, "principalObjectId"));
        Assert.Null(Tree.At(assignment.Inputs, "directoryScopeId"));
    }
}
