using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.DeviceRegistrationPolicy.PolicyProperties;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>Plan-time validation of the policy's own inputs (onDestroy is the settings lifecycle's); never calls Graph.</summary>
internal static class PolicyCheck
{
    private const string QuotaAccepted = "0 to 100 devices per user, or 2147483647 for Unlimited";

    private static readonly Dictionary<string, string> ReadOnlyFlag = new()
    {
        [IsAdminConfigurable] = "Entra computes whether administrators may change this setting.",
    };

    public static CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", [PolicyProperties.UserDeviceQuota, PolicyProperties.MultiFactorAuthConfiguration, AzureADJoin, AzureADRegistration, LocalAdminPassword],
            new Dictionary<string, string>
            {
                [OriginalSettings] = "it records the policy as found when the stack adopted it.",
            });
        rules.Object(AzureADJoin, ["allowedToJoin", "localAdmins"], ReadOnlyFlag);
        rules.Object(LocalAdmins, ["enableGlobalAdmins", "registeringUsers"]);
        rules.Object(AzureADRegistration, ["allowedToRegister"], ReadOnlyFlag);
        rules.Object(LocalAdminPassword, ["isEnabled"]);

        var quota = rules.Integer(PolicyProperties.UserDeviceQuota,
            q => q is >= 0 and <= DeviceRegistrationSettings.MaximumQuota || q == DeviceRegistrationSettings.UnlimitedQuota, QuotaAccepted);
        rules.OneOf(PolicyProperties.MultiFactorAuthConfiguration, "notRequired", "required");
        rules.Bool(EnableGlobalAdmins);
        rules.Bool(LocalAdminPasswordEnabled);

        var normalized = news;
        foreach (var membership in Memberships)
        {
            normalized = CheckMembership(rules, normalized, membership);
        }

        if (quota == 0)
        {
            rules.Warn($"{UserDeviceQuota} is 0: no user can register or join another device, so Windows Autopilot user-driven Entra join will fail.");
        }

        if (rules.At($"{AllowedToJoin}.scope")?.Plain is StringValue { Value: "none" })
        {
            rules.Warn($"{AllowedToJoin}.scope is \"none\": users cannot join devices to Microsoft Entra, so Windows Autopilot user-driven Entra join will fail.");
        }

        if (rules.At($"{RegisteringUsers}.scope")?.Plain is StringValue { Value: "all" })
        {
            rules.Warn($"{RegisteringUsers}.scope is \"all\": every user who joins a device becomes a local administrator of it.");
        }

        return new CheckResult(normalized, rules.Failures, rules.Warnings);
    }

    private static ObjectValue CheckMembership(InputRules rules, ObjectValue inputs, string path)
    {
        if (rules.Object(path, ["scope", "users", "groups"]) is null)
        {
            return inputs;
        }

        var scopeValue = rules.At($"{path}.scope");
        var scope = rules.OneOf($"{path}.scope", "all", "selected", "none");
        if (scopeValue is null or { Plain: NullValue })
        {
            rules.Fail($"{path}.scope", $"'{path}.scope' is required when {path} is set; accepted values: \"all\", \"selected\", \"none\".");
        }

        var users = rules.ObjectIds($"{path}.users", "user");
        var groups = rules.ObjectIds($"{path}.groups", "group");
        var usersKnown = rules.At($"{path}.users") is not { ContainsUnknown: true };
        var groupsKnown = rules.At($"{path}.groups") is not { ContainsUnknown: true };

        if (scope is "all" or "none" && (users is { Count: > 0 } || groups is { Count: > 0 }))
        {
            rules.Fail(path, $"'{path}' has scope \"{scope}\" but lists users or groups; members are accepted only with scope \"selected\".");
        }

        // Count what was written, valid or not: a bad id is already reported on its own.
        int Written(string list) => rules.At($"{path}.{list}")?.Plain is ArrayValue items ? items.Items.Count : 0;
        if (scope == "selected" && usersKnown && groupsKnown && Written("users") + Written("groups") == 0)
        {
            rules.Fail(path, $"'{path}' has scope \"selected\" but no users or groups; list at least one user or group object id, or use scope \"none\".");
        }

        // A declared membership is one unit: absent lists mean empty, so diffs compare like with like.
        foreach (var list in new[] { "users", "groups" })
        {
            if (rules.At($"{path}.{list}") is null or { Plain: NullValue })
            {
                inputs = inputs.With($"{path}.{list}", new ArrayValue([]));
            }
        }

        return inputs;
    }
}
