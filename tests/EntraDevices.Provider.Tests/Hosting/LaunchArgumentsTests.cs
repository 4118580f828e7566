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
    public void Relative_paths_resolve_against_the_folder_the_engine_started_the_provider_in()
    {
        // Issue #25: Handshake names the plugin's own folder; the engine starts the provider in the program's folder.
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "devices", "dev.csv"), new ProjectDirectories().Resolve("devices/dev.csv"));

        var program = Path.Combine(Path.GetTempPath(), "stack", "infra");
        Assert.Equal(Path.Combine(program, "devices", "dev.csv"), new ProjectDirectories(program).Resolve("devices/dev.csv"));
        Assert.Equal(Path.GetFullPath("/abs/file.csv"), new ProjectDirectories(program).Resolve("/abs/file.csv"));
    }
}
