using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy.PreparationProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

/// <summary>Plan-time validation of a device preparation policy's inputs, with the limits graph-device-preparation.md §2 gives; never calls Graph.</summary>
internal static class PreparationCheck
{
    private const string GuidExample = "a GUID like 3c8ef067-8b96-44de-b2ae-557dfa0f97a0";

    public static CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", Leaves, new Dictionary<string, string>
        {
            [Priority] = "Intune sets it; when several policies target a user, the lowest number wins (reorder them in the admin center).",
            [CreatedDateTime] = "Graph sets it when the policy is created.",
        });

        switch (rules.At(Name)?.Plain)
        {
            case UnknownValue:
                break;
            case StringValue { Value: var name } when name.Trim().Length > 0:
                break;
            case null or NullValue or StringValue:
                rules.Fail(Name, $"'{Name}' is required: the policy's name, not blank (devices enrolled through it carry it as their enrollment profile name).");
                break;
            case var other:
                rules.Fail(Name, $"'{Name}' must be a string; got {other.KindName}.");
                break;
        }

        rules.Text(Description, text => text.Length > MaxDescription ? $"'{Description}' has {text.Length} characters; at most {MaxDescription} are accepted." : null);
        rules.ScopeTagIds(RoleScopeTagIds);
        rules.OneOf(DeploymentMode, "userDriven");
        rules.OneOf(DeploymentType, "singleUser");
        rules.OneOf(JoinType, "entraJoined");
        if (rules.OneOf(UserAccountType, "standardUser", "administrator") == "administrator")
        {
            rules.Warn($"{UserAccountType} is \"administrator\": every user who sets up a device with this policy becomes its local administrator.");
        }

        rules.Integer(TimeoutMinutes, minutes => minutes is >= MinTimeout and <= MaxTimeout, $"whole minutes from {MinTimeout} to {MaxTimeout} (the admin center's default is 60)");
        rules.Text(CustomErrorMessage, text => text.Length > MaxCustomErrorMessage
            ? $"'{CustomErrorMessage}' has {text.Length} characters; at most {MaxCustomErrorMessage} are accepted." : null);
        rules.Bool(AllowSkip);
        rules.Bool(AllowDiagnostics);
        var normalized = CheckApps(rules, news);
        if (rules.ObjectIds(AllowedScripts, "platform script") is { Count: > MaxAllowed } scripts)
        {
            rules.Fail(AllowedScripts, $"'{AllowedScripts}' lists {scripts.Count} scripts; device preparation installs at most {MaxAllowed} during setup.");
        }

        var deviceGroup = rules.Text(DeviceGroup, id => Guid.TryParseExact(id, "D", out _) ? null
            : $"'{DeviceGroup}' must be the device group's object id, {GuidExample}; got {rules.Shown(DeviceGroup, $"\"{id}\"")}.");
        var userGroups = rules.ObjectIds(UserGroups, "user group") ?? [];
        if (deviceGroup is not null && userGroups.Contains(deviceGroup, StringComparer.OrdinalIgnoreCase))
        {
            rules.Fail(UserGroups, $"'{UserGroups}' lists the device group {deviceGroup}; the policy is assigned to users, never to its device group "
                + "(devices join the device group during setup). List the group of the people who set up devices.");
        }

        return new CheckResult(normalized, rules.Failures, rules.Warnings);
    }

    /// <summary>Each app once, with its id and type; the list is kept in id order, as a read gives it back.</summary>
    private static ObjectValue CheckApps(InputRules rules, ObjectValue inputs)
    {
        var value = rules.At(AllowedApps)?.Plain;
        if (value is null or NullValue || value.ContainsUnknown)
        {
            return inputs;
        }

        if (value is not ArrayValue apps)
        {
            rules.Fail(AllowedApps, $"'{AllowedApps}' must be a list of apps, each {{ {AppId}, {AppType} }}; got {value.KindName}.");
            return inputs;
        }

        if (apps.Items.Count > MaxAllowed)
        {
            rules.Fail(AllowedApps, $"'{AllowedApps}' lists {apps.Items.Count} apps; device preparation installs at most {MaxAllowed} during setup.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accepted = $"{{ {AppId}: the app's id in Intune, {GuidExample}; {AppType}: one of {string.Join(", ", AppTypes)} }}";
        for (var i = 0; i < apps.Items.Count; i++)
        {
            var path = $"{AllowedApps}[{i}]";
            if (apps.Items[i].Plain is not ObjectValue app)
            {
                rules.Fail(path, $"'{path}' must be an app, {accepted}; got {apps.Items[i].KindName}.");
                continue;
            }

            foreach (var extra in app.Properties.Keys.Where(key => key is not (AppId or AppType)))
            {
                rules.Fail($"{path}.{extra}", $"'{path}.{extra}' is not a property of an app; accepted: {AppId}, {AppType}.");
            }

            switch (app.At(AppId)?.Plain)
            {
                case StringValue { Value: var id } when Guid.TryParseExact(id, "D", out _):
                    if (!seen.Add(id))
                    {
                        rules.Fail($"{path}.{AppId}", $"'{path}.{AppId}' repeats app {id}; each app may appear once.");
                    }

                    break;
                case StringValue { Value: var id }:
                    rules.Fail($"{path}.{AppId}", $"'{path}.{AppId}' must be the app's id in Intune, {GuidExample}; got {rules.Shown(AllowedApps, $"\"{id}\"", apps.Items[i])}.");
                    break;
                default:
                    rules.Fail($"{path}.{AppId}", $"'{path}.{AppId}' is required: the app's id in Intune, {GuidExample}.");
                    break;
            }

            if (app.At(AppType)?.Plain is not StringValue { Value: var type } || !AppTypes.Contains(type))
            {
                rules.Fail($"{path}.{AppType}", $"'{path}.{AppType}' must be one of {string.Join(", ", AppTypes)} (the app's type in Intune, without #microsoft.graph.).");
            }
        }

        return rules.Failures.Count > 0 ? inputs : inputs.With(AllowedApps, new ArrayValue(
            [.. apps.Items.OrderBy(app => ((app.Plain as ObjectValue)?.At(AppId)?.Plain as StringValue)?.Value, StringComparer.OrdinalIgnoreCase)]));
    }
}
