using EntraDevices.Provider.Export;

namespace EntraDevices.Provider.Tests.Export;

public sealed class ExportOptionsTests
{
    [Fact]
    public void The_stack_is_required_and_the_out_folder_defaults_to_tenant_export_stack()
    {
        var (options, problem) = ExportOptions.Parse(["export", "--stack", "prod"]);

        Assert.Null(problem);
        Assert.Equal("prod", options!.Stack);
        Assert.Equal(Path.Combine("tenant-export", "prod"), options.OutFolder);
        Assert.Contains("--stack is required", ExportOptions.Parse(["export"]).Problem);
    }

    [Theory]
    [InlineData("--stack", "../prod", "is not a stack name")]
    [InlineData("--stak", "prod", "'--stak' is not an argument of export; accepted: --stack, --out")]
    [InlineData("--out", "", "--out needs a value")]
    public void A_bad_argument_is_named_with_what_is_accepted(string name, string value, string expected)
    {
        Assert.Contains(expected, ExportOptions.Parse(["export", name, value]).Problem);
    }

    [Fact]
    public void A_pulumi_cloud_stack_name_writes_the_files_of_the_stacks_own_name()
    {
        var options = ExportOptions.Parse(["export", "--stack", "contoso/prod"]).Options!;

        Assert.Equal("Pulumi.prod.yaml", options.StackFileName);
        Assert.Equal(Path.Combine("tenant-export", "prod"), options.OutFolder);
        Assert.Contains("is not a stack name", ExportOptions.Parse(["export", "--stack", "contoso/../prod"]).Problem);
    }

    [Fact]
    public void Choices_take_both_spellings()
    {
        var options = ExportOptions.Parse(["export", "--stack=dev", "--status-page", "p1", "--deployment-profile=d1", "--preparation-policy", "x1", "--out", "o"]).Options!;

        Assert.Equal(("dev", "o", "p1", "d1", "x1"), (options.Stack, options.OutFolder, options.StatusPageId, options.DeploymentProfileId, options.PreparationPolicyId));
        Assert.True(ExportOptions.IsExport(["export"]));
        Assert.False(ExportOptions.IsExport(["127.0.0.1:1234"]));
    }
}
