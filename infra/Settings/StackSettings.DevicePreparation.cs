using EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

namespace Infra.Settings;

internal sealed partial record StackSettings
{
    /// <summary>
    /// The device preparation policy (<c>devicePreparation.create: true</c>): its device group made by this program (or an
    /// existing one named by id), the user groups it is assigned to (at least one: device preparation starts only for
    /// people in them), and the settings within the limits the provider checks again at preview.
    /// </summary>
    private static DevicePreparationSettings? ReadDevicePreparation(ConfigValueReader reader)
    {
        var create = reader.Boolean(ConfigKeys.CreateDevicePreparation);
        var name = reader.Text(ConfigKeys.PreparationName, 256, "a policy name") ?? DefaultPreparationName;
        var description = reader.Text(ConfigKeys.PreparationDescription, PreparationProperties.MaxDescription, "a description");
        var groupName = reader.GroupName(ConfigKeys.PreparationDeviceGroupName);
        var groupIds = reader.ObjectIds(ConfigKeys.PreparationDeviceGroupId);
        var userGroupIds = reader.ObjectIds(ConfigKeys.PreparationUserGroupIds);
        var accountType = reader.Choice(ConfigKeys.PreparationUserAccountType, ["standardUser", "administrator"]);
        var timeout = reader.WholeNumber(ConfigKeys.PreparationTimeoutMinutes, PreparationProperties.MinTimeout, PreparationProperties.MaxTimeout, "minutes");
        var message = reader.Text(ConfigKeys.PreparationCustomErrorMessage, PreparationProperties.MaxCustomErrorMessage, "a message");
        var allowSkip = reader.Boolean(ConfigKeys.PreparationAllowSkip);
        var allowDiagnostics = reader.Boolean(ConfigKeys.PreparationAllowDiagnostics);
        var apps = reader.Apps(ConfigKeys.PreparationAllowedApps, PreparationProperties.AppTypes);
        var scripts = reader.IsSet(ConfigKeys.PreparationAllowedScriptIds) ? reader.ObjectIds(ConfigKeys.PreparationAllowedScriptIds) : null;

        if (create != true)
        {
            var set = ConfigKeys.PreparationSettingKeys.Where(reader.IsSet).Select(reader.Name).ToList();
            if (set.Count > 0)
            {
                reader.Error($"{string.Join(", ", set)} {(set.Count == 1 ? "is" : "are")} set but {reader.Name(ConfigKeys.CreateDevicePreparation)} "
                    + $"{(create is null ? "is not set (default false)" : "is false")}; set it to true to create the device preparation policy, or remove them.");
            }

            return null;
        }

        if (groupIds.Count > 1)
        {
            reader.Error($"{reader.Name(ConfigKeys.PreparationDeviceGroupId)} names {groupIds.Count} groups; a policy has one device group.");
        }

        if (groupIds.Count > 0 && groupName is not null)
        {
            reader.Error($"{reader.Name(ConfigKeys.PreparationDeviceGroupName)} and {reader.Name(ConfigKeys.PreparationDeviceGroupId)} are both set; "
                + "set the name to have this program create the device group, or the id of an existing one, not both.");
        }

        if (userGroupIds.Count == 0 && !reader.Failed(ConfigKeys.PreparationUserGroupIds))
        {
            reader.Error($"{reader.Name(ConfigKeys.PreparationUserGroupIds)} lists no group; device preparation starts only for people in the groups the policy "
                + "is assigned to. List the object ids of the user groups of the people who set up devices.");
        }

        var deviceGroupId = groupIds.FirstOrDefault();
        if (deviceGroupId is not null && userGroupIds.Contains(deviceGroupId))
        {
            reader.Error($"{reader.Name(ConfigKeys.PreparationUserGroupIds)} lists the device group {deviceGroupId}; the policy is assigned to users, never to its device group.");
        }

        foreach (var (key, count) in new[] { (ConfigKeys.PreparationAllowedApps, apps?.Count ?? 0), (ConfigKeys.PreparationAllowedScriptIds, scripts?.Count ?? 0) })
        {
            if (count > PreparationProperties.MaxAllowed)
            {
                reader.Error($"{reader.Name(key)} lists {count}; device preparation installs at most {PreparationProperties.MaxAllowed} during setup.");
            }
        }

        return new DevicePreparationSettings(
            name, description, deviceGroupId is null ? groupName ?? DefaultPreparationDeviceGroupName : null, deviceGroupId, userGroupIds,
            accountType, timeout, message, allowSkip, allowDiagnostics, apps?.Select(app => new AllowedAppSetting(app.Id, app.Type)).ToList(), scripts);
    }

    /// <summary>The corporate identifiers' CSV (<c>corporateIdentifiers.csv</c>), held to the provider's path rule, and whenRemoved.</summary>
    private static CorporateIdentifiersSettings? ReadCorporateIdentifiers(ConfigValueReader reader)
    {
        var csv = reader.Text(ConfigKeys.CorporateIdentifiersCsv, 4096, "a path to the corporate identifiers' CSV or a folder of them, relative to the project folder or absolute");
        var whenRemoved = reader.Choice(ConfigKeys.CorporateIdentifiersWhenRemoved, ["keep", "delete"]);
        if (csv is null)
        {
            if (reader.IsSet(ConfigKeys.CorporateIdentifiersWhenRemoved) && !reader.Failed(ConfigKeys.CorporateIdentifiersCsv))
            {
                reader.Error($"{reader.Name(ConfigKeys.CorporateIdentifiersWhenRemoved)} is set but {reader.Name(ConfigKeys.CorporateIdentifiersCsv)} is not; "
                    + "name the CSV of manufacturer,model,serial rows (e.g. devices/corporate-identifiers.csv), or remove it.");
            }

            return null;
        }

        if (EntraDevices.Provider.Resources.AutopilotDevices.CsvPath.ShapeProblem(csv) is { } problem)
        {
            reader.Error($"{reader.Name(ConfigKeys.CorporateIdentifiersCsv)} {problem}");
        }

        return new CorporateIdentifiersSettings(csv, whenRemoved);
    }
}
