using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace EntraDevices.Provider.Tests.Hosting;

/// <summary>What the Pulumi engine needs from a fresh clone before anything is built.</summary>
public class ProjectFileTests
{
    private static IEnumerable<string> PluginPaths()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repository.Root, "Pulumi.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var providers = (YamlSequenceNode)((YamlMappingNode)root["plugins"])["providers"];
        return providers.Children.Cast<YamlMappingNode>().Select(provider => ((YamlScalarNode)provider["path"]).Value!);
    }

    [Fact]
    public void Every_plugin_path_of_pulumi_yaml_exists_in_a_clean_checkout()
    {
        var paths = PluginPaths().ToList();
        Assert.NotEmpty(paths);

        foreach (var path in paths)
        {
            // Tracked files under the path are what a fresh clone has; build output does not count.
            var tracked = Git("ls-files", "--", path.TrimStart('.', '/'));
            Assert.False(string.IsNullOrWhiteSpace(tracked), $"Pulumi.yaml names {path}, but a fresh clone has no folder there: the engine refuses to load the project.");
        }
    }

    private static string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} failed: {git.StandardError.ReadToEnd()}");
        return output;
    }
}
