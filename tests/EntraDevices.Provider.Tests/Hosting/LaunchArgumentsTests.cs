using EntraDevices.Provider.Hosting;

namespace EntraDevices.Provider.Tests.Hosting;

public class LaunchArgumentsTests
{
    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("--logtostderr", "127.0.0.1:5000")]
    [InlineData("-v=9", "127.0.0.1:5000")]
    [InlineData("--tracing", "127.0.0.1:1", "127.0.0.1:5000")]
    [InlineData("--tracing=127.0.0.1:1", "--logtostderr", "-v", "3", "127.0.0.1:5000")]
    [InlineData("--logtostderr", "--", "127.0.0.1:5000")]
    public void The_engine_address_is_the_first_argument_after_the_flags(params string[] args)
    {
        Assert.Equal("127.0.0.1:5000", LaunchArguments.EngineAddress(args));
    }

    [Theory]
    [InlineData]
    [InlineData("--logtostderr")]
    [InlineData("--tracing", "127.0.0.1:1")]
    public void Without_an_address_there_is_none(params string[] args)
    {
        Assert.Null(LaunchArguments.EngineAddress(args));
    }

    [Fact]
    public void Relative_paths_resolve_against_the_program_directory_handshake_names()
    {
        var directories = new ProjectDirectories();
        var program = Path.Combine(Path.GetTempPath(), "stack", "infra");

        directories.Use(Path.Combine(Path.GetTempPath(), "stack"), program);

        Assert.Equal(Path.Combine(program, "devices", "dev.csv"), directories.Resolve("devices/dev.csv"));
        Assert.Equal(Path.GetFullPath("/abs/file.csv"), directories.Resolve("/abs/file.csv"));
    }
}
