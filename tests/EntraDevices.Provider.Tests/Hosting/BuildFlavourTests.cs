using System.Diagnostics;

namespace EntraDevices.Provider.Tests.Hosting;

/// <summary>
/// Every documented build and publish writes its build output where it cannot break the plugin at Pulumi.yaml's
/// path (artifacts/provider): only the framework-dependent build goes there. Read from MSBuild's own evaluation of
/// the project, so the test runs in seconds.
/// </summary>
public class BuildFlavourTests
{
    private static readonly string PluginFolder = Path.GetFullPath(Path.Combine(Repository.Root, "artifacts", "provider")) + Path.DirectorySeparatorChar;

    [Fact]
    public void The_build_that_building_the_program_does_goes_to_the_pulumi_yaml_path()
    {
        Assert.Equal(PluginFolder, OutDir());
    }

    [Theory]
    [InlineData("-p:RuntimeIdentifier=linux-x64", "-p:SelfContained=true", "-p:PublishTrimmed=true", "-p:PublishReadyToRun=true")]
    [InlineData("-p:RuntimeIdentifier=linux-x64", "-p:PublishAot=true")]
    [InlineData("-p:RuntimeIdentifier=osx-arm64", "-p:SelfContained=true")]
    [InlineData("-p:RuntimeIdentifier=win-x64", "-p:SelfContained=false")]
    public void A_build_for_one_runtime_never_writes_into_the_pulumi_yaml_path(params string[] publish)
    {
        var outDir = OutDir(publish);

        Assert.False(outDir.StartsWith(PluginFolder, StringComparison.Ordinal), $"{string.Join(' ', publish)} builds into {outDir}");
        Assert.Contains(Path.Combine("artifacts", "provider-build"), outDir);
    }

    private static string OutDir(params string[] properties)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", Path.Combine("src", "EntraDevices.Provider", "EntraDevices.Provider.csproj"), "-getProperty:OutDir", "-nologo" }.Concat(properties))
        {
            start.ArgumentList.Add(argument);
        }

        using var msbuild = Process.Start(start)!;
        var output = msbuild.StandardOutput.ReadToEnd().Trim();
        msbuild.WaitForExit();
        Assert.True(msbuild.ExitCode == 0, msbuild.StandardError.ReadToEnd() + output);
        return Path.GetFullPath(output);
    }
}
