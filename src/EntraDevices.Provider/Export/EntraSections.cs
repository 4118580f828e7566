using System.Text.Json.Nodes;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Export.ConfigLeaves;

namespace EntraDevices.Provider.Export;

/// <summary>
/// The Entra settings as the program's sections, from the inputs the provider reads at <c>pulumi import</c>: the inverse
/// of infra/DeviceRegistrationPolicyArgsFactory and of the program's BitLocker and enrollment arguments.
/// </summary>
internal static class EntraSections
{
    public static ExportedSection Policy(ObjectValue inputs)
    {
        var config = new JsonObject();
        var notes = new List<string>();
        if (inputs.At("azureADJoin.allowedToJoin") is ObjectValue join && Text(join, "scope") is { } joinScope)
        {
            config["joinScope"] = joinScope;
            AddMembers(config, join, "joinUserIds", "joinGroupIds");
        }

        Copy(config, "userDeviceQuota", inputs, "userDeviceQuota");
        if (Text(inputs, "multiFactorAuthConfiguration") is { } mfa)
        {
            config["requireMfa"] = mfa == "required";
        }

        Copy(config, "globalAdminsAsLocalAdmins", inputs, "azureADJoin.localAdmins.enableGlobalAdmins");
        if (inputs.At("azureADJoin.localAdmins.registeringUsers") is ObjectValue registering && Text(registering, "scope") is { } adminScope)
        {
            config["registeringUsersLocalAdminScope"] = adminScope;
            AddMembers(config, registering, "registeringUsersLocalAdminUserIds", "registeringUsersLocalAdminGroupIds");
        }

        Copy(config, "lapsEnabled", inputs, "localAdminPassword.isEnabled");
        if (inputs.At("azureADRegistration.allowedToRegister") is ObjectValue register && Text(register, "scope") is { } registerScope)
        {
            notes.Add($"Who may register devices (azureADRegistration: \"{registerScope}\") is not a setting of the program: it stays as the tenant has it.");
        }

        return new ExportedSection(ProgramShape.PolicySection, config, new ImportEntry(ProgramShape.PolicyType, ProgramShape.PolicyName, ProgramShape.PolicyId), notes);
    }

    public static ExportedSection BitLocker(ObjectValue inputs)
    {
        var config = new JsonObject();
        Copy(config, "restrictOwnersFromReadingKeys", inputs, "restrictOwnersFromReadingKeys");
        return new ExportedSection(ProgramShape.BitLockerSection, config, new ImportEntry(ProgramShape.BitLockerType, ProgramShape.BitLockerName, ProgramShape.BitLockerId), []);
    }

    public static ExportedSection Enrollment(ObjectValue inputs)
    {
        var config = new JsonObject();
        foreach (var (scope, prefix) in new[] { ("mdm", "mdm"), ("mam", "mam") })
        {
            if (Text(inputs, $"{scope}.appliesTo") is { } appliesTo)
            {
                config[$"{prefix}Scope"] = appliesTo;
                if (appliesTo == "selected")
                {
                    config[$"{prefix}GroupIds"] = Array(Strings(inputs, $"{scope}.includedGroups"));
                }
            }
        }

        return new ExportedSection(ProgramShape.EnrollmentSection, config, new ImportEntry(ProgramShape.EnrollmentType, ProgramShape.EnrollmentName, ProgramShape.EnrollmentId),
            ["Graph lets only a signed-in person change automatic enrollment: the pipelines leave it out (docs/deploying-from-github-actions.md)."]);
    }

    // Users and groups are listed only for "selected", as the program accepts them.
    private static void AddMembers(JsonObject config, ObjectValue membership, string usersKey, string groupsKey)
    {
        if (Text(membership, "scope") != "selected")
        {
            return;
        }

        if (Strings(membership, "users") is { Count: > 0 } users)
        {
            config[usersKey] = Array(users);
        }

        if (Strings(membership, "groups") is { Count: > 0 } groups)
        {
            config[groupsKey] = Array(groups);
        }
    }
}
