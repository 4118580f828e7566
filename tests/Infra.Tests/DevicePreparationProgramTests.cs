using System.Collections.Immutable;
using Infra.Groups;
using Infra.Settings;
using Pulumi.EntraDevices;

namespace Infra.Tests;

/// <summary>
/// The device preparation section (issue #26): the policy, its device group owned by the Intune Provisioning Client
/// (adopted or created, never deleted), the user groups; an existing group the stack names is checked at preview.
/// </summary>
public sealed class DevicePreparationProgramTests
{
    private const string Ns = "entra-device-settings";
    private const string Users = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string Existing = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string ClientObjectId = "2f0e9d8c-7b6a-4594-8382-71605f4e3d2c";
    private const string App = "7d1f0c2a-5b4e-4c3d-9a8b-1c2d3e4f5a6b";

    private static StackSettings Parse(params (string Key, string? Value)[] values) => StackSettings.Parse(StructuredKeys.Values(values), Ns);

    private static IReadOnlyList<string> Errors(params (string Key, string? Value)[] values) =>
        Assert.Throws<StackSettingsException>(() => Parse(values)).Errors;

    [Fact]
    public async Task The_program_makes_the_device_group_owned_by_the_provisioning_client_and_binds_the_policy_to_it()
    {
        var run = await ProgramRun.RunAsync(ProgramRun.Config(
            ("devicePreparation.create", "true"),
            ("devicePreparation.userGroupIds", Users),
            ("devicePreparation.timeoutMinutes", "90"),
            ("devicePreparation.allowedApps", $"[{{\"id\":\"{App}\",\"type\":\"win32LobApp\"}}]")), "dev");

        var client = run.Single(EntraMocks.ServicePrincipalType, DevicePreparationDeviceGroup.ServicePrincipalResourceName);
        Assert.Equal(DevicePreparationDeviceGroup.ProvisioningClientAppId, Tree.At(client.Inputs, "clientId"));
        Assert.True(Tree.Bool(client.Inputs, "useExisting"));
        // The mocks do not see resource options: the options the program gives it are checked instead.
        Assert.True(DevicePreparationDeviceGroup.ProvisioningClientOptions().RetainOnDelete, "destroy never deletes Microsoft's service principal");

        var group = run.Single(EntraMocks.GroupType, DevicePreparationDeviceGroup.GroupResourceName);
        Assert.Equal(StackSettings.DefaultPreparationDeviceGroupName, Tree.At(group.Inputs, "displayName"));
        Assert.True(Tree.Bool(group.Inputs, "securityEnabled"));
        Assert.False(Tree.Bool(group.Inputs, "assignableToRole"));
        Assert.Null(Tree.At(group.Inputs, "types"));
        Assert.Equal(Tree.Canonical(new[] { EntraMocks.ObjectIdOf(DevicePreparationDeviceGroup.ServicePrincipalResourceName) }), Tree.Canonical(Tree.At(group.Inputs, "owners")));

        var policy = run.Single(AutopilotDevicePreparationPolicy.TypeToken, DeviceSettingsProgram.DevicePreparationResourceName);
        Assert.Equal(EntraMocks.ObjectIdOf(DevicePreparationDeviceGroup.GroupResourceName), Tree.At(policy.Inputs, "deviceGroup"));
        Assert.Equal(Tree.Canonical(new[] { Users }), Tree.Canonical(Tree.At(policy.Inputs, "userGroups")));
        Assert.Equal(90.0, Tree.At(policy.Inputs, "timeoutMinutes"));
        Assert.Equal(StackSettings.DefaultPreparationName, Tree.At(policy.Inputs, "name"));
        Assert.Null(Tree.At(policy.Inputs, "userAccountType"));
    }

    [Fact]
    public async Task An_existing_device_group_that_is_fit_is_used_as_it_is()
    {
        var mocks = Fit(new EntraMocks(), dynamic: false, owned: true);

        var run = await ProgramRun.RunAsync(ProgramRun.Config(
            ("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("devicePreparation.deviceGroupId", Existing)), "dev", mocks);

        Assert.Empty(run.Registered(EntraMocks.ServicePrincipalType));
        Assert.Equal(Existing, Tree.At(run.Single(AutopilotDevicePreparationPolicy.TypeToken).Inputs, "deviceGroup"));
        Assert.Contains(mocks.Calls, call => call.Token == EntraMocks.GetGroupToken);
    }

    [Theory]
    [InlineData(true, true, "has dynamic membership")]
    [InlineData(false, false, "is not owned by the Intune Provisioning Client")]
    public async Task An_existing_device_group_that_is_dynamic_or_lacks_the_owner_fails_the_preview_with_its_fix(bool dynamic, bool owned, string problem)
    {
        var mocks = Fit(new EntraMocks(), dynamic, owned);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ProgramRun.RunAsync(ProgramRun.Config(
            ("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("devicePreparation.deviceGroupId", Existing)), "dev", mocks));

        Assert.Contains(problem, error.ToString());
        Assert.Contains("devicePreparation.deviceGroupId", error.ToString());
    }

    [Fact]
    public void The_problems_of_a_group_name_each_fix()
    {
        Assert.Empty(DevicePreparationDeviceGroup.Problems(Existing, true, [], [ClientObjectId], ClientObjectId));
        Assert.Equal(3, DevicePreparationDeviceGroup.Problems(Existing, false, ["DynamicMembership"], [], ClientObjectId).Count);
    }

    [Fact]
    public void Settings_without_create_or_without_user_groups_or_with_both_group_keys_are_errors_that_say_what_to_write()
    {
        Assert.Contains("devicePreparation.create", Assert.Single(Errors(("devicePreparation.userGroupIds", Users))));
        Assert.Contains("lists no group", Assert.Single(Errors(("devicePreparation.create", "true"))));
        Assert.Contains("not both", Assert.Single(Errors(
            ("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("devicePreparation.deviceGroupId", Existing), ("devicePreparation.deviceGroupName", "Devices"))));
        Assert.Contains("from 15 to 720", Assert.Single(Errors(("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("devicePreparation.timeoutMinutes", "5"))));
        Assert.Contains("devicePreparation.allowedApps", Assert.Single(Errors(
            ("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("devicePreparation.allowedApps", "[{\"id\":\"notepad\",\"type\":\"win32LobApp\"}]"))));
        Assert.Contains("never to its device group", Assert.Single(Errors(
            ("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Existing), ("devicePreparation.deviceGroupId", Existing))));
    }

    [Fact]
    public void Classic_devices_beside_device_preparation_say_which_a_device_gets()
    {
        var settings = Parse(("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("autopilotDevices.csv", "devices/dev.csv"));

        Assert.Contains(settings.Warnings, warning => warning.Contains("gets the classic deployment profile, never device preparation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_standard_user_account_with_local_administrators_limited_is_warned_about_as_microsoft_lists_it()
    {
        var settings = Parse(("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("deviceRegistrationPolicy.registeringUsersLocalAdminScope", "none"));
        var administrator = Parse(("devicePreparation.create", "true"), ("devicePreparation.userGroupIds", Users), ("devicePreparation.userAccountType", "administrator"),
            ("deviceRegistrationPolicy.registeringUsersLocalAdminScope", "none"));

        Assert.Contains(settings.Warnings, warning => warning.Contains("device preparation is skipped", StringComparison.Ordinal));
        Assert.Empty(administrator.Warnings);
    }

    private static EntraMocks Fit(EntraMocks mocks, bool dynamic, bool owned)
    {
        mocks.Invokes[EntraMocks.GetGroupToken] = ImmutableDictionary<string, object>.Empty
            .Add("objectId", Existing)
            .Add("securityEnabled", true)
            .Add("types", dynamic ? ImmutableArray.Create<object>("DynamicMembership") : ImmutableArray<object>.Empty)
            .Add("owners", owned ? ImmutableArray.Create<object>(ClientObjectId) : ImmutableArray<object>.Empty);
        mocks.Invokes[EntraMocks.GetServicePrincipalToken] = ImmutableDictionary<string, object>.Empty.Add("objectId", ClientObjectId);
        return mocks;
    }

    [Fact]
    public async Task Corporate_identifiers_are_declared_from_their_csv_with_when_removed()
    {
        var folder = Directory.CreateTempSubdirectory("entradevices-identifiers-").FullName;
        try
        {
            var csv = Path.Combine(folder, "corporate.csv");
            File.WriteAllText(csv, "Dell Inc,Latitude 7450,SN0001\n");

            var run = await ProgramRun.RunAsync(ProgramRun.Config(("corporateIdentifiers.csv", csv), ("corporateIdentifiers.whenRemoved", "delete")), "dev");

            var identifiers = run.Single(CorporateDeviceIdentifiers.TypeToken, DeviceSettingsProgram.CorporateIdentifiersResourceName);
            Assert.IsAssignableFrom<Pulumi.AssetOrArchive>(identifiers.Inputs["csv"]);
            Assert.Equal("delete", Tree.At(identifiers.Inputs, "whenRemoved"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Corporate_identifier_settings_that_cannot_work_are_errors_that_say_what_to_write()
    {
        Assert.Contains("is set but", Assert.Single(Errors(("corporateIdentifiers.whenRemoved", "keep"))));
        Assert.Contains("\"keep\", \"delete\"", Assert.Single(Errors(("corporateIdentifiers.csv", "devices/ids.csv"), ("corporateIdentifiers.whenRemoved", "purge"))));
        Assert.Equal("devices/ids.csv", Parse(("corporateIdentifiers.csv", "devices/ids.csv")).CorporateIdentifiers!.Csv);
    }

    [Fact]
    public void A_device_both_registered_for_classic_autopilot_and_a_corporate_identifier_is_named_with_which_it_gets()
    {
        var devices = ClassicOrPreparation.DeviceSerials(["Device Serial Number,Windows Product ID,Hardware Hash", "SN-1,,aGFzaA==", "sn-2,,aGFzaA=="]);
        var identifiers = ClassicOrPreparation.IdentifierSerials(["Dell Inc,Latitude,SN-2", "Dell Inc,Latitude,SN-3", "not a row"]);

        var warning = ClassicOrPreparation.Warning(devices, identifiers);

        Assert.NotNull(warning);
        Assert.Contains("1 device(s)", warning);
        Assert.Contains("sn-2", warning);
        Assert.Contains("gets the classic deployment profile, never device preparation", warning);
        Assert.Null(ClassicOrPreparation.Warning(devices, ClassicOrPreparation.IdentifierSerials(["Dell Inc,Latitude,SN-9"])));
    }

    [Fact]
    public void The_lines_of_a_csv_setting_are_read_from_a_file_or_a_folder_and_none_when_it_cannot_be()
    {
        var folder = Directory.CreateTempSubdirectory("entradevices-lines-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "oem"));
            File.WriteAllText(Path.Combine(folder, "oem", "a.csv"), "x,y,SN-1\n");
            File.WriteAllText(Path.Combine(folder, "oem", "b.csv"), "x,y,SN-2\n");

            Assert.Equal(["x,y,SN-1", "x,y,SN-2"], ClassicOrPreparation.Lines("oem", folder).Order());
            Assert.Empty(ClassicOrPreparation.Lines("missing.csv", folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
