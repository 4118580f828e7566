using Pulumi;

namespace Infra.Tests;

/// <summary>An invalid configuration fails the program before it declares anything.</summary>
public sealed class ValidationOrderTests
{
    [Fact]
    public async Task Invalid_configuration_fails_the_run_with_every_problem_and_declares_nothing()
    {
        var mocks = new EntraMocks();
        var config = ProgramRun.Config(("deviceRegistrationPolicy.joinScope", "selected"), ("deviceRegistrationPolicy.userDeviceQuota", "500"), ("localAdminsGroup.create", "true"));

        var exception = await Assert.ThrowsAsync<RunException>(() => ProgramRun.RunAsync(config, "invalid", mocks));

        var ns = StackConfigFile.ProjectName;
        Assert.StartsWith("Invalid stack configuration:", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ns}:deviceRegistrationPolicy.joinScope' is \"selected\" but none of", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ns}:deviceRegistrationPolicy.userDeviceQuota' is \"500\"", exception.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public async Task A_key_of_another_namespace_is_not_the_programs_concern()
    {
        var config = new Dictionary<string, string>(ProgramRun.Config(("deviceRegistrationPolicy.lapsEnabled", "true")))
        {
            ["entradevices:tenantId"] = "00000000-0000-0000-0000-000000000000",
        };

        var run = await ProgramRun.RunAsync(config, "provider-config");

        Assert.True(Tree.Bool(run.Single(Pulumi.EntraDevices.DeviceRegistrationPolicy.TypeToken).Inputs, "localAdminPassword.isEnabled"));
    }

    [Fact]
    public async Task A_misspelled_key_fails_the_run_as_the_engine_hands_the_configuration_over()
    {
        var mocks = new EntraMocks();
        // A misspelled section is a key the program never asks for by name: only reading every key finds it.
        var config = ProgramRun.Config(("deviceRegistrationPolcy.requireMfa", "true"));

        var exception = await Assert.ThrowsAsync<RunException>(() => ProgramRun.RunAsync(config, "typo", mocks));

        Assert.Contains($"Did you mean '{StackConfigFile.ProjectName}:deviceRegistrationPolicy'?", exception.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public async Task A_flat_key_of_an_earlier_version_fails_the_run_and_names_its_replacement()
    {
        var config = ProgramRun.Config(("userDeviceQuota", "20"));

        var exception = await Assert.ThrowsAsync<RunException>(() => ProgramRun.RunAsync(config, "old-key"));

        Assert.Contains("deviceRegistrationPolicy.userDeviceQuota", exception.Message, StringComparison.Ordinal);
    }
}
