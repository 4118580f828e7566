using Pulumi;

namespace Infra.Tests;

/// <summary>An invalid configuration fails the program before it declares anything.</summary>
public sealed class ValidationOrderTests
{
    [Fact]
    public async Task Invalid_configuration_fails_the_run_with_every_problem_and_declares_nothing()
    {
        var mocks = new EntraMocks();
        var config = ProgramRun.Config(("joinScope", "selected"), ("userDeviceQuota", "500"), ("createLocalAdminsGroup", "true"));

        var exception = await Assert.ThrowsAsync<RunException>(() => ProgramRun.RunAsync(config, "invalid", mocks));

        var ns = StackConfigFile.ProjectName;
        Assert.StartsWith("Invalid stack configuration:", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ns}:joinScope' is \"selected\" but none of", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ns}:userDeviceQuota' is \"500\"", exception.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Registrations);
    }

    [Fact]
    public async Task A_key_of_another_namespace_is_not_the_programs_concern()
    {
        var config = new Dictionary<string, string>(ProgramRun.Config(("lapsEnabled", "true")))
        {
            ["entradevices:tenantId"] = "00000000-0000-0000-0000-000000000000",
        };

        var run = await ProgramRun.RunAsync(config, "provider-config");

        Assert.True(Tree.Bool(run.Single(Infra.EntraDevices.DeviceRegistrationPolicy.TypeToken).Inputs, "localAdminPassword.isEnabled"));
    }
}
