using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDeploymentProfile.ProfileProperties;

namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>Plan-time validation of a deployment profile's inputs; never calls Graph.</summary>
internal static class ProfileCheck
{
    public static CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", Top, new Dictionary<string, string>
        {
            [CreatedDateTime] = "Graph sets it when the profile is created.",
        });
        rules.Object(Oobe, OobeFields);

        Text(rules, DisplayName, MaxDisplayName, required: true);
        Text(rules, Description, MaxDescription, required: false);
        // Each must be a string (an array or a number passed silently before); a secret one is never shown.
        rules.Text(Locale, locale => Locales.Contains(locale) ? null
            : $"'{Locale}' is {rules.Shown(Locale, $"\"{locale}\"")}, which is not a Windows display language; accepted: \"\" (the user selects), "
                + string.Join(", ", Locales.Skip(1).Select(l => $"\"{l}\"")) + ".");
        rules.Text(DeviceNameTemplate, template => template.Length > 0 && NameTemplate.Problem(template) is { } problem
            ? $"'{DeviceNameTemplate}' {rules.Shown(DeviceNameTemplate, $"\"{template}\"")} {problem}"
            : null);

        rules.OneOf(DeviceType, DeviceTypes);
        rules.Bool(HardwareHashExtractionEnabled);
        rules.Bool(PreprovisioningAllowed);
        rules.ScopeTagIds(RoleScopeTagIds);
        foreach (var flag in OobeFlags)
        {
            rules.Bool($"{Oobe}.{flag}");
        }

        if (rules.OneOf($"{Oobe}.{UserType}", "standard", "administrator") == "administrator")
        {
            rules.Warn($"{Oobe}.{UserType} is \"administrator\": every user who sets up a device with this profile becomes its local administrator.");
        }

        rules.OneOf($"{Oobe}.{DeviceUsageType}", "singleUser", "shared");
        return new CheckResult(CheckAssignments(rules, news), rules.Failures, rules.Warnings);
    }

    private static void Text(InputRules rules, string path, int max, bool required)
    {
        switch (rules.At(path)?.Plain)
        {
            case UnknownValue:
                return;
            case null or NullValue when required:
            case StringValue { Value.Length: 0 } when required:
                rules.Fail(path, $"'{path}' is required: a name of 1 to {max} characters (it also finds the profile again if a create's answer is lost).");
                return;
            case null or NullValue:
                return;
            case StringValue { Value: var text } when text.Length > max:
                rules.Fail(path, $"'{path}' has {text.Length} characters; Graph accepts at most {max}.");
                return;
            case StringValue:
                return;
            case var other:
                rules.Fail(path, $"'{path}' must be a string; got {other.KindName}.");
                return;
        }
    }

    private static ObjectValue CheckAssignments(InputRules rules, ObjectValue inputs)
    {
        if (rules.Object(Assignments, AssignmentFields) is null)
        {
            return inputs;
        }

        var all = rules.Bool($"{Assignments}.{AllDevices}");
        var groups = rules.ObjectIds($"{Assignments}.{Groups}", "group") ?? [];
        var excluded = rules.ObjectIds($"{Assignments}.{ExcludedGroups}", "group") ?? [];
        for (var i = 0; i < excluded.Count; i++)
        {
            if (groups.Contains(excluded[i], StringComparer.OrdinalIgnoreCase))
            {
                rules.Fail($"{Assignments}.{ExcludedGroups}", $"'{Assignments}' both targets and excludes group {excluded[i]}; a group is either targeted or excluded.");
            }
        }

        if (all == true && excluded.Count > 0)
        {
            rules.Fail($"{Assignments}.{ExcludedGroups}", $"'{Assignments}.{AllDevices}' is true with excluded groups, which Autopilot does not support; "
                + "target groups instead, or drop the exclusions.");
        }

        if (all == true && groups.Count > 0)
        {
            rules.Fail($"{Assignments}.{Groups}", $"'{Assignments}.{AllDevices}' is true, which already targets every device; list no groups with it.");
        }

        // Declared assignments are one unit: what is absent is empty, so diffs compare like with like.
        var normalized = inputs;
        foreach (var (field, empty) in new (string, PropertyValue)[] { (AllDevices, new BoolValue(false)), (Groups, new ArrayValue([])), (ExcludedGroups, new ArrayValue([])) })
        {
            if (rules.At($"{Assignments}.{field}") is null or { Plain: NullValue })
            {
                normalized = normalized.With($"{Assignments}.{field}", empty);
            }
        }

        return normalized;
    }
}
