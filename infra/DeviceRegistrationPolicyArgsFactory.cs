using System.Collections.Immutable;
using Infra.Settings;
using Pulumi;
using Pulumi.EntraDevices;
using Pulumi.EntraDevices.Inputs;

namespace Infra;

/// <summary>Turns the validated settings into the policy's inputs, declaring only what the stack sets.</summary>
internal static class DeviceRegistrationPolicyArgsFactory
{
    /// <param name="settings">The validated stack settings.</param>
    /// <param name="allowedToJoinGroupIds">
    /// Every group allowed to join (existing ids and the created group's object id); required when the join
    /// scope is "selected". Passing the created group's output makes the policy depend on that group.
    /// </param>
    public static DeviceRegistrationPolicyArgs Create(StackSettings settings, Output<ImmutableArray<string>>? allowedToJoinGroupIds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = new DeviceRegistrationPolicyArgs();

        if (settings.UserDeviceQuota is int quota)
        {
            args.UserDeviceQuota = quota;
        }

        if (settings.RequireMfa is bool requireMfa)
        {
            args.MultiFactorAuthConfiguration = requireMfa ? "required" : "notRequired";
        }

        var allowedToJoin = settings.Join is { } join ? AllowedToJoin(join, allowedToJoinGroupIds) : null;
        var localAdmins = LocalAdmins(settings);
        if (allowedToJoin is not null || localAdmins is not null)
        {
            var azureADJoin = new AzureADJoinArgs();
            if (allowedToJoin is not null)
            {
                azureADJoin.AllowedToJoin = allowedToJoin;
            }

            if (localAdmins is not null)
            {
                azureADJoin.LocalAdmins = localAdmins;
            }

            args.AzureADJoin = azureADJoin;
        }

        if (settings.LapsEnabled is bool lapsEnabled)
        {
            args.LocalAdminPassword = new LocalAdminPasswordArgs { IsEnabled = lapsEnabled };
        }

        if (settings.OnDestroy is string onDestroy)
        {
            args.OnDestroy = onDestroy;
        }

        return args;
    }

    private static MembershipArgs AllowedToJoin(JoinSettings join, Output<ImmutableArray<string>>? groupIds)
    {
        if (join.Scope != MembershipScope.Selected)
        {
            return new MembershipArgs { Scope = join.Scope.ToContractValue() };
        }

        if (groupIds is null)
        {
            throw new ArgumentNullException(nameof(groupIds), "The \"selected\" join scope needs the allowed group ids.");
        }

        return new MembershipArgs
        {
            Scope = join.Scope.ToContractValue(),
            Users = join.UserIds.ToArray(),
            Groups = groupIds,
        };
    }

    private static LocalAdminsArgs? LocalAdmins(StackSettings settings)
    {
        if (settings.GlobalAdminsAsLocalAdmins is null && settings.RegisteringUsersLocalAdmins is null)
        {
            return null;
        }

        var localAdmins = new LocalAdminsArgs();
        if (settings.GlobalAdminsAsLocalAdmins is bool enableGlobalAdmins)
        {
            localAdmins.EnableGlobalAdmins = enableGlobalAdmins;
        }

        if (settings.RegisteringUsersLocalAdmins is { } registeringUsers)
        {
            localAdmins.RegisteringUsers = Membership(registeringUsers);
        }

        return localAdmins;
    }

    private static MembershipArgs Membership(MembershipSettings membership) => membership.Scope == MembershipScope.Selected
        ? new MembershipArgs
        {
            Scope = membership.Scope.ToContractValue(),
            Users = membership.UserIds.ToArray(),
            Groups = membership.GroupIds.ToArray(),
        }
        : new MembershipArgs { Scope = membership.Scope.ToContractValue() };
}
