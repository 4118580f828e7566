using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutomaticIntuneEnrollment.EnrollmentProperties;

namespace EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;

/// <summary>Plan-time validation of both user scopes; never calls Graph.</summary>
internal static class EnrollmentCheck
{
    public static CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", Policies, new Dictionary<string, string>
        {
            [OriginalSettings] = "it records both user scopes as found when the stack adopted them.",
        });

        var normalized = news;
        foreach (var policy in Policies)
        {
            normalized = CheckPolicy(rules, normalized, policy);
        }

        return new CheckResult(normalized, rules.Failures, rules.Warnings);
    }

    private static ObjectValue CheckPolicy(InputRules rules, ObjectValue inputs, string policy)
    {
        if (rules.Object(policy, Fields) is null)
        {
            return inputs;
        }

        foreach (var url in Urls)
        {
            rules.HttpsUrl($"{policy}.{url}");
        }

        var scope = rules.OneOf($"{policy}.{AppliesTo}", "none", "all", "selected");
        var groupsPath = $"{policy}.{IncludedGroups}";
        var groups = rules.ObjectIds(groupsPath, "group");
        var scopeKnown = rules.At($"{policy}.{AppliesTo}") is not { ContainsUnknown: true };
        var written = rules.At(groupsPath)?.Plain is ArrayValue items ? items.Items.Count : 0;

        if (scope == "selected" && rules.At(groupsPath) is not { ContainsUnknown: true } && written == 0)
        {
            rules.Fail(groupsPath, $"'{policy}.{AppliesTo}' is \"selected\", so '{groupsPath}' must list at least one group object id "
                + "(Graph reaches \"selected\" by adding groups); for nobody use \"none\".");
        }

        if (scopeKnown && scope != "selected" && (groups is { Count: > 0 } || written > 0))
        {
            rules.Fail(groupsPath, $"'{groupsPath}' lists groups, but '{policy}.{AppliesTo}' is "
                + (scope is null ? "not declared" : $"\"{scope}\"") + "; groups are accepted only with appliesTo \"selected\".");
        }

        // A declared scope is one unit with its groups: an absent list means none, so diffs compare like with like.
        return scope is not null && rules.At(groupsPath) is null or { Plain: NullValue }
            ? inputs.With(groupsPath, new ArrayValue([]))
            : inputs;
    }
}
