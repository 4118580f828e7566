using EntraDevices.Provider.Export;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.Export;

/// <summary>The export signs in as the provider does: the stack file's entradevices:* keys, else their variables.</summary>
public sealed class StackSignInTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("entradevices-signin-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StackFile(string text)
    {
        var path = Path.Combine(_folder, "Pulumi.prod.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_stack_files_plain_keys_are_read_and_other_namespaces_left_out()
    {
        var file = StackFile("config:\n  entradevices:tenantId: 2f0e9d8c-7b6a-4594-8382-71605f4e3d2c\n  entra-device-settings:deviceRegistrationPolicy:\n    joinScope: all\n");

        var (config, problems) = StackSignIn.Read(file, _ => null);

        Assert.Empty(problems);
        Assert.Equal(new StringValue("2f0e9d8c-7b6a-4594-8382-71605f4e3d2c"), config!.At("tenantId"));
        Assert.Single(config.Properties);
    }

    [Fact]
    public void A_secret_of_the_stack_file_needs_its_variable_which_is_then_used_by_the_provider_rules()
    {
        var file = StackFile("config:\n  entradevices:clientSecret:\n    secure: v1:AAAA\n");

        var (_, problems) = StackSignIn.Read(file, _ => null);
        var (config, none) = StackSignIn.Read(file, name => name == "ARM_CLIENT_SECRET" ? "s3cr3t-value" : null);

        Assert.Contains(problems, p => p.Contains("entradevices:clientSecret is a secret in Pulumi.prod.yaml, which only the Pulumi CLI decrypts: set ARM_CLIENT_SECRET", StringComparison.Ordinal));
        Assert.Empty(none);
        Assert.Null(config!.At("clientSecret"));
    }

    [Fact]
    public void A_key_the_provider_does_not_take_or_a_value_it_refuses_is_named_as_the_provider_names_it()
    {
        var file = StackFile("config:\n  entradevices:tenantID: x\n  entradevices:graphEndpoint: http://graph.example.com\n");

        var (config, problems) = StackSignIn.Read(file, _ => null);

        Assert.Null(config);
        Assert.Contains(problems, p => p.Contains("entradevices:tenantID is not a setting of this provider. Did you mean entradevices:tenantId?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("graphEndpoint", StringComparison.Ordinal) && p.Contains("https", StringComparison.Ordinal));
    }

    [Fact]
    public void No_stack_file_means_the_variables_alone_and_a_file_that_is_not_yaml_is_named()
    {
        Assert.Empty(StackSignIn.Read(Path.Combine(_folder, "Pulumi.none.yaml"), _ => null).Problems);
        Assert.Contains(StackSignIn.Read(StackFile("config: [unclosed"), _ => null).Problems, p => p.StartsWith("Pulumi.prod.yaml is not YAML the export can read", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_folder, "Pulumi.yaml"), "name: my-devices\nruntime: dotnet\n");
        Assert.Equal("my-devices", StackSignIn.ProjectName(_folder));
    }
}
