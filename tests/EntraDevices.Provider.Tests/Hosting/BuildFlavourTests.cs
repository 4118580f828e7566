using System.Diagnostics;
using System.Text.Json;

namespace EntraDevices.Provider.Tests.Hosting;

/// <summary>
/// Only the plugin project (src/EntraDevices.Plugin, which building the program builds) writes into Pulumi.yaml's
/// plugin path; every other documented build and publish has a folder of its own, so no sequence of them can leave
/// there a plugin that does not start. And the plugin project picks its flavour as its comment says. Read from
/// MSBuild's own evaluation, so the tests run in seconds (the conformance tests run the plugin itself).
/// </summary>
public class BuildFlavourTests
{
    private static readonly string ProviderProject = Path.Combine("src", "EntraDevices.Provider", "EntraDevices.Provider.csproj");
    private static readonly string PluginProject = Path.Combine("src", "EntraDevices.Plugin", "EntraDevices.Plugin.proj");

    /// <summary>The folder of Pulumi.yaml's plugins.providers entry, as the engine resolves it from the project root.</summary>
    private static string PulumiYamlPluginFolder()
    {
        var path = File.ReadLines(Path.Combine(Repository.Root, "Pulumi.yaml"))
            .Select(line => line.Trim())
            .Single(line => line.StartsWith("path:", StringComparison.Ordinal))["path:".Length..].Trim();
        return Folder(Path.Combine(Repository.Root, path));
    }

    [Fact]
    public void The_plugin_project_publishes_to_the_pulumi_yaml_path()
    {
        Assert.Equal(PulumiYamlPluginFolder(), Folder(Properties(PluginProject, [], "PluginDir")["PluginDir"]));
    }

    [Fact]
    public void The_plugin_is_published_for_a_portable_runtime_identifier_that_nuget_has_packs_for()
    {
        var runtime = Properties(PluginProject, [], "PluginRuntime")["PluginRuntime"];
        var expected = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-"
            + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

        Assert.Matches("^(linux|linux-musl|osx|win)-(x64|arm64)$", runtime);
        Assert.Equal(expected, runtime.Replace("linux-musl-", "linux-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_program_builds_the_plugin_project()
    {
        var program = File.ReadAllText(Path.Combine(Repository.Root, "infra", "Infra.csproj"));

        Assert.Contains("Projects=\"../src/EntraDevices.Plugin/EntraDevices.Plugin.proj\"", program, StringComparison.Ordinal);
        Assert.Contains("AfterTargets=\"Build\"", program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("-p:Configuration=Release")]
    [InlineData("-p:RuntimeIdentifier=linux-x64", "-p:SelfContained=true", "-p:PublishTrimmed=true", "-p:PublishReadyToRun=true")]
    [InlineData("-p:RuntimeIdentifier=linux-x64", "-p:PublishAot=true")]
    [InlineData("-p:RuntimeIdentifier=osx-arm64", "-p:SelfContained=true")]
    [InlineData("-p:RuntimeIdentifier=win-x64", "-p:SelfContained=false")]
    public void No_other_build_or_publish_of_the_provider_writes_into_the_pulumi_yaml_path(params string[] build)
    {
        var plugin = PulumiYamlPluginFolder();
        var found = Properties(ProviderProject, build, "OutDir", "PublishDir");

        foreach (var (name, value) in found)
        {
            var folder = Folder(Path.Combine(Repository.Root, "src", "EntraDevices.Provider", value));
            Assert.False(folder.StartsWith(plugin, StringComparison.Ordinal), $"{string.Join(' ', build)}: {name} is {folder}");
        }
    }

    [Fact]
    public void No_documented_command_sends_its_output_into_the_pulumi_yaml_path()
    {
        var plugin = PulumiYamlPluginFolder();
        var commands = new[] { "README.md", Path.Combine("bench", "README.md"), Path.Combine("bench", "run.sh") }
            .SelectMany(doc => File.ReadAllText(Path.Combine(Repository.Root, doc)).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Select(line => (doc, line: line.Trim())))
            .Where(c => c.line.Contains("dotnet publish ", StringComparison.Ordinal) || c.line.Contains("dotnet build ", StringComparison.Ordinal))
            .ToList();
        var outputs = commands
            .SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c.line, @"(?:\s-o|--output|-p:OutDir=|-p:PublishDir=)[\s=]?""?([^\s""`]+)")
                .Select(m => (c.doc, c.line, folder: Folder(Path.Combine(Repository.Root, m.Groups[1].Value.Replace("$PWD/", "", StringComparison.Ordinal).Replace("$out", "artifacts/bench", StringComparison.Ordinal))))))
            .ToList();

        Assert.Contains(commands, c => c.line.Contains("dotnet publish src/EntraDevices.Provider", StringComparison.Ordinal));
        Assert.NotEmpty(outputs);
        foreach (var (doc, line, folder) in outputs)
        {
            Assert.False(folder.StartsWith(plugin, StringComparison.Ordinal), $"{doc}: `{line}` writes into {folder}");
        }
    }

    [Theory]
    [InlineData("-p:RuntimeIdentifier=linux-x64", "-p:PublishAot=true")]
    [InlineData("-p:PublishAot=true")]
    [InlineData("-p:RuntimeIdentifier=osx-arm64", "-p:SelfContained=true", "-p:PublishTrimmed=true", "-p:PublishReadyToRun=true")]
    public void A_publish_for_one_runtime_never_writes_the_committed_lock_files(params string[] publish)
    {
        foreach (var project in new[] { ProviderProject, Path.Combine("src", "EntraDevices.Graph", "EntraDevices.Graph.csproj") })
        {
            var committed = Path.Combine(Repository.Root, Path.GetDirectoryName(project)!, "packages.lock.json");
            var plain = Properties(project, [], "NuGetLockFilePath")["NuGetLockFilePath"];
            var published = Properties(project, publish, "NuGetLockFilePath")["NuGetLockFilePath"];

            Assert.True(File.Exists(committed), $"{committed} is committed");
            Assert.True(plain.Length == 0 || Path.GetFullPath(plain, Path.GetDirectoryName(committed)!) == committed, $"plain build of {project}: {plain}");
            Assert.NotEqual(committed, Path.GetFullPath(published, Path.GetDirectoryName(committed)!));
            Assert.Contains(Path.Combine("obj", "publish-graph"), published, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_flavour_asked_for_by_name_is_taken_and_said_so()
    {
        var chosen = Flavour(["-p:EntraDevicesPlugin=readytorun"]);

        Assert.Equal("readytorun", chosen["PluginFlavour"]);
        Assert.Equal("asked for by EntraDevicesPlugin=readytorun", chosen["PluginReason"]);
    }

    [Fact]
    public void An_unknown_flavour_is_refused_with_the_accepted_ones()
    {
        var (exitCode, output) = MsBuild(PluginProject, ["-t:ChoosePluginFlavour", "-p:EntraDevicesPlugin=fast"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("EntraDevicesPlugin is 'fast'; accepted: auto (the default), aot, readytorun or build.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_takes_native_aot_where_a_linker_is_on_path_and_readytorun_where_none_is()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            return; // Linux probes PATH; macOS asks xcrun and Windows asks vswhere, neither of which a test can stand in for.
        }

        // PATH holds the shell MSBuild's Exec runs and, in the second case, a stand-in gcc; nothing else.
        var shellOnly = Directory.CreateTempSubdirectory("shell-");
        var linkers = Directory.CreateTempSubdirectory("linker-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(shellOnly.FullName, "sh"), "/bin/sh");
            var gcc = Path.Combine(linkers.FullName, "gcc");
            File.WriteAllText(gcc, "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(gcc, UnixFileMode.UserRead | UnixFileMode.UserExecute);

            var without = Flavour([], path: shellOnly.FullName);
            var with = Flavour([], path: $"{shellOnly.FullName}{Path.PathSeparator}{linkers.FullName}");

            Assert.Equal("readytorun", without["PluginFlavour"]);
            Assert.StartsWith("no C toolchain for Native AOT found (clang or gcc on PATH)", without["PluginReason"], StringComparison.Ordinal);
            Assert.Equal("aot", with["PluginFlavour"]);
            Assert.Equal("Native AOT links with gcc", with["PluginReason"]);
        }
        finally
        {
            shellOnly.Delete(recursive: true);
            linkers.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Flavour(string[] properties, string? path = null) =>
        Properties(PluginProject, ["-t:ChoosePluginFlavour", .. properties], ["PluginFlavour", "PluginReason"], path);

    private static Dictionary<string, string> Properties(string project, string[] arguments, params string[] names) =>
        Properties(project, arguments, names, path: null);

    private static Dictionary<string, string> Properties(string project, string[] arguments, string[] names, string? path)
    {
        var (exitCode, output) = MsBuild(project, [.. arguments, .. names.Select(name => $"-getProperty:{name}")], path);
        Assert.True(exitCode == 0, output);
        if (names.Length == 1)
        {
            return new() { [names[0]] = output.Trim() };
        }

        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static (int ExitCode, string Output) MsBuild(string project, string[] arguments, string? path = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        foreach (var argument in new[] { "msbuild", project, "-nologo" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var msbuild = Process.Start(start)!;
        var error = msbuild.StandardError.ReadToEndAsync();
        var output = msbuild.StandardOutput.ReadToEnd();
        msbuild.WaitForExit();
        return (msbuild.ExitCode, output + error.Result);
    }

    private static string Folder(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
}
