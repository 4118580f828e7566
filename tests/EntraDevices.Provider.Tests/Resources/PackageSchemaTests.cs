using System.Diagnostics;
using System.Text.Json.Nodes;
using EntraDevices.Provider.Resources;

namespace EntraDevices.Provider.Tests.Resources;

/// <summary>The schema's pluginDownloadURL: absent from a local build, stamped by the release build.</summary>
public class PackageSchemaTests
{
    private static JsonObject Schema(string? url) =>
        JsonNode.Parse(PackageSchema.Json(Catalog.Resources(() => throw new InvalidOperationException("The schema needs no Graph.")), "1.2.3", url))!.AsObject();

    [Fact]
    public void A_local_build_names_no_download_url_and_a_released_one_names_its_releases()
    {
        Assert.Null(PackageSchema.PluginDownloadUrl);
        Assert.False(Schema(null).ContainsKey("pluginDownloadURL"));
        Assert.Equal("github://api.github.com/contoso/entra-devices", (string?)Schema("github://api.github.com/contoso/entra-devices")["pluginDownloadURL"]);
        Assert.Equal("1.2.3", (string?)Schema(null)["version"]);
    }

    [Fact]
    public void The_release_builds_property_becomes_the_assembly_metadata_the_schema_reads()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "msbuild", Path.Combine("src", "EntraDevices.Provider", "EntraDevices.Provider.csproj"), "-getItem:AssemblyMetadata", "-nologo",
            "-p:PluginDownloadUrl=github://api.github.com/contoso/entra-devices",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var msbuild = Process.Start(start)!;
        var output = msbuild.StandardOutput.ReadToEnd();
        msbuild.WaitForExit();

        Assert.True(msbuild.ExitCode == 0, msbuild.StandardError.ReadToEnd() + output);
        var items = JsonNode.Parse(output)!["Items"]!["AssemblyMetadata"]!.AsArray();
        Assert.Contains(items, i => (string?)i!["Identity"] == "PluginDownloadUrl" && (string?)i["Value"] == "github://api.github.com/contoso/entra-devices");
    }
}
