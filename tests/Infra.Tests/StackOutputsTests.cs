using Infra.Groups;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>The stack outputs go through Pulumi's serializer: group ids and effective settings come out as plain data.</summary>
public sealed class StackOutputsTests
{
    /// <summary>Registers the program's outputs the way the stack does, so the mocks see them serialized.</summary>
    private sealed class OutputsProbe : ComponentResource
    {
        public const string Type = "test:index:OutputsProbe";

        public OutputsProbe(IDictionary<string, object?> outputs)
            : base(Type, "outputs-probe")
        {
            RegisterOutputs(outputs);
        }
    }

    [Fact]
    public async Task Prod_outputs_hold_the_group_ids_and_the_effective_settings()
    {
        var mocks = new EntraMocks();
        await ProgramRun.RunAsync(StackConfigFile.Load("prod").Config, "prod", mocks, () =>
        {
            var outputs = DeviceSettingsProgram.Run();
            _ = new OutputsProbe(outputs);
            return outputs;
        });

        var registered = Assert.Single(mocks.RegisteredOutputs, request => request.Urn.Contains(OutputsProbe.Type, StringComparison.Ordinal));
        var values = new Dictionary<string, object?>();
        foreach (var (key, output) in registered.Outputs)
        {
            values[key] = await OutputUtilities.GetValueAsync(output);
        }

        var joinGroupId = EntraMocks.ObjectIdOf(DeviceJoinGroup.ResourceName);
        Assert.Equal(joinGroupId, values["joinGroupObjectId"]);
        Assert.Equal(EntraMocks.ObjectIdOf(JoinedDeviceLocalAdministrators.GroupResourceName), values["localAdminsGroupObjectId"]);
        Assert.Equal(EntraMocks.ObjectIdOf(AutopilotDeviceGroup.ResourceName), values["autopilotGroupObjectId"]);
        Assert.Equal(Tree.Canonical(new[] { joinGroupId }), Tree.Canonical(values["allowedToJoinGroupIds"]));

        var policy = values["deviceRegistrationPolicy"];
        Assert.Equal(5.0, Tree.At(policy, "userDeviceQuota"));
        Assert.Equal("required", Tree.At(policy, "multiFactorAuthConfiguration"));
        Assert.Equal("selected", Tree.At(policy, "azureADJoin.allowedToJoin.scope"));
        Assert.Equal(Tree.Canonical(new[] { joinGroupId }), Tree.Canonical(Tree.At(policy, "azureADJoin.allowedToJoin.groups")));
        Assert.False(Tree.Bool(policy, "azureADJoin.localAdmins.enableGlobalAdmins"));
        Assert.Equal("none", Tree.At(policy, "azureADJoin.localAdmins.registeringUsers.scope"));
        Assert.True(Tree.Bool(policy, "azureADJoin.isAdminConfigurable"));
        Assert.Equal("all", Tree.At(policy, "azureADRegistration.allowedToRegister.scope"));
        Assert.True(Tree.Bool(policy, "localAdminPassword.isEnabled"));
        Assert.Equal(50.0, Tree.At(policy, "originalSettings.userDeviceQuota"));
        Assert.Equal("all", Tree.At(policy, "originalSettings.azureADJoin.allowedToJoin.scope"));

        // What a large import left for later runs is a stack output, beside the count and the failures.
        Assert.Equal(3.0, Tree.At(values["autopilotDevices"], "deviceCount"));
        Assert.Equal("StorageError", Tree.At(values["autopilotDevices"], "failed.SN-9"));
        Assert.Equal(5.0, Tree.At(values["autopilotDevices"], "leftImportRecords.import-1"));

        Assert.True(Tree.Bool(values["bitLockerKeyRecoveryRestriction"], "restrictOwnersFromReadingKeys"));
        Assert.False(Tree.Bool(values["bitLockerKeyRecoveryRestriction"], "originalValue"));
    }
}
